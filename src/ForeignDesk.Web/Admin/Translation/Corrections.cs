using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary><c>/admin/corrections</c>: the editor's latest paragraph corrections, and the way to an article to correct.</summary>
internal static partial class Corrections
{
    public const string Path = "/admin/corrections";

    public static async Task<IResult> ShowAsync(HttpContext context, AdminShell shell, IArticleStore store, ISegmentOverrideStore overrides, string? article)
    {
        var ct = context.RequestAborted;
        if (article is { Length: > 0 })
        {
            if (await FindAsync(store, article.Trim(), ct) is { } id) return Results.Redirect(ArticleCorrection.PathOf(id));
        }

        var page = shell.Begin(context, "Corrections");
        if (article is { Length: > 0 }) page.Html.Add($"<p class=\"message\" role=\"alert\">No stored article has the number or address {article}.</p>\n");
        page.Html.Add($"""
            <form method="get" action="{Path}" class="stacked">
            <label>Article to correct: its number, its page on this site or the outlet's address <input name="article" required></label>
            <button type="submit">Open</button>
            </form>
            <h2>Latest corrections</h2>

            """);
        var recent = await overrides.RecentOverridesAsync(50, ct);
        if (recent.Count == 0) page.Html.Add($"<p class=\"meta\">None yet.</p>\n");
        page.Html.Add($"<ul class=\"corrections\">\n");
        foreach (var correction in recent)
        {
            var title = (await store.GetArticleAsync(correction.ArticleId, ct))?.DisplayTitle ?? $"article {correction.ArticleId}";
            page.Html.Add($"<li><a href=\"{ArticleCorrection.PathOf(correction.ArticleId)}\">{title}</a>, paragraph {correction.Paragraph + 1}: “{SiteShell.Shorten(correction.Text, 160)}” · {correction.Operator}, <time datetime=\"{Stamps.Iso(correction.AtUtc)}\">{Stamps.Utc(correction.AtUtc)}</time></li>\n");
        }
        page.Html.Add($"</ul>\n");
        return AdminShell.Finish(page);
    }

    /// <summary>An article's id from its number, its path on this site (<c>/article/12/…</c>) or its original URL.</summary>
    private static async Task<long?> FindAsync(IArticleStore store, string given, CancellationToken ct)
    {
        if (long.TryParse(given, out var number)) return await store.GetArticleAsync(number, ct) is null ? null : number;
        if (ArticlePath().Match(given) is { Success: true } m && long.TryParse(m.Groups[1].Value, out var id))
            return await store.GetArticleAsync(id, ct) is null ? null : id;
        return (await store.FindByUrlAsync(given, ct))?.Id;
    }

    [GeneratedRegex(@"/article/(\d+)(?:/|$)")]
    private static partial Regex ArticlePath();
}
