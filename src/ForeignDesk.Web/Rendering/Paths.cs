using ForeignDesk.Core;

namespace ForeignDesk.Web.Rendering;

/// <summary>The site's own addresses, and the checks on addresses that come from outside.</summary>
internal static class Paths
{
    public static string Article(long id, string title) => $"/article/{id}/{Slug.From(title)}";

    /// <summary>An article's translation side by side with its original.</summary>
    public static string Bilingual(long id, string title) => Article(id, title) + "?view=bilingual";

    /// <summary>An article's versions and what changed in each.</summary>
    public static string Changes(long id, string title) => Article(id, title) + "?view=changes";

    /// <summary>An earlier version of an article, with the paragraphs the next one changed marked.</summary>
    public static string Version(long id, string title, int number) => Article(id, title) + "?version=" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => $"/date/{date:yyyy-MM-dd}";

    public static string Category(string category) => "/category/" + Slug.From(category);

    public static string Source(string slug) => "/source/" + Uri.EscapeDataString(slug);

    /// <summary>An absolute http(s) URL from outside, or null when it is anything else (javascript:, data:, relative).</summary>
    public static string? External(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
