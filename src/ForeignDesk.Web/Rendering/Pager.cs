using ForeignDesk.Core;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// Pages of a list by key: <c>?older=KEY</c> shows what comes after the article KEY names in a newest-first list
/// (before it in time order), <c>?newer=KEY</c> what comes before it. Links stay right while articles arrive.
/// </summary>
internal static class Pager
{
    public const int PageSize = 50;

    /// <summary>The cursor a request asks for; false when it names one that cannot be read.</summary>
    public static bool TryRead(HttpRequest request, out PageCursor? cursor)
    {
        cursor = null;
        var older = request.Query["older"];
        var newer = request.Query["newer"];
        if (older.Count == 0 && newer.Count == 0) return true;
        if (older.Count + newer.Count > 1) return false;
        cursor = older.Count == 1 ? PageCursor.Parse(older[0], newer: false) : PageCursor.Parse(newer[0], newer: true);
        return cursor is not null;
    }

    /// <summary>The links to the pages on either side, when there are any.</summary>
    /// <param name="previousLabel">"Newer" in a newest-first list, "Earlier" in a story told in time order.</param>
    public static void Write(HtmlBuilder page, string path, PageCursor? previous, PageCursor? next, string previousLabel, string nextLabel)
    {
        if (previous is null && next is null) return;
        page.Add($"<nav class=\"pager\" aria-label=\"Pages\"><span>");
        if (previous is not null) page.Add($"<a rel=\"prev\" href=\"{Link(path, previous)}\">← {previousLabel}</a>");
        page.Add($"</span><span>");
        if (next is not null) page.Add($"<a rel=\"next\" href=\"{Link(path, next)}\">{nextLabel} →</a>");
        page.Add($"</span></nav>\n");
    }

    public static string Link(string path, PageCursor cursor) => $"{path}?{(cursor.Newer ? "newer" : "older")}={cursor.Key}";
}
