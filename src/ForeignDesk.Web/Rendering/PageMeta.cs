namespace ForeignDesk.Web.Rendering;

/// <summary>What the &lt;head&gt; of one page says about it.</summary>
/// <param name="Title">The page's own title; the site name is added after it.</param>
/// <param name="Path">The page's canonical path on this site, starting with '/'.</param>
/// <param name="Type">The OpenGraph type: website or article.</param>
/// <param name="ImageUrl">An absolute http(s) image for og:image, if any.</param>
/// <param name="PublishedUtc">For articles: article:published_time.</param>
/// <param name="Head">More of the page's own &lt;head&gt;: its feeds, structured data, other languages.</param>
/// <param name="Robots">The robots meta of the page (<c>noindex, noarchive</c>), if any.</param>
internal sealed record PageMeta(
    string Title,
    string Description,
    string Path,
    string Type = "website",
    string? ImageUrl = null,
    DateTimeOffset? PublishedUtc = null,
    TrustedHtml? Head = null,
    string? Robots = null);
