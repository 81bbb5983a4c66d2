using System.Text.Json;
using System.Text.Json.Nodes;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>
/// What an article page tells search engines and link previews besides the shell's tags: schema.org
/// <c>NewsArticle</c> as JSON-LD, <c>hreflang</c> links between the English page and the original, and the
/// article's modification time and section for OpenGraph.
/// </summary>
internal static class ArticleHead
{
    /// <param name="pageUrl">The article page's canonical, absolute URL.</param>
    /// <param name="publisherLogoUrl">The site's logo, absolute.</param>
    public static TrustedHtml For(StoredArticle article, string pageUrl, string? imageUrl, string siteName, string siteUrl, string publisherLogoUrl)
    {
        var translated = article.Translation is not null;
        var originalUrl = Paths.External(article.Url);
        var html = new HtmlBuilder();
        html.Add($"<meta property=\"article:modified_time\" content=\"{Stamps.Iso(ArticleDates.Modified(article))}\">\n");
        html.Add($"<meta property=\"article:section\" content=\"{article.Category}\">\n");
        if (translated && originalUrl is not null)
        {
            html.Add($"<link rel=\"alternate\" hreflang=\"en\" href=\"{pageUrl}\">\n");
            html.Add($"<link rel=\"alternate\" hreflang=\"{article.Language}\" href=\"{originalUrl}\">\n");
        }
        var json = JsonLd(article, pageUrl, imageUrl, originalUrl, siteName, siteUrl, publisherLogoUrl).ToJsonString();
        // The default encoder writes <, > and & as \u escapes, so the data cannot close the script element.
        html.Add($"<script type=\"application/ld+json\">{new TrustedHtml(json)}</script>\n");
        return new TrustedHtml(html.ToString());
    }

    private static JsonObject JsonLd(
        StoredArticle article, string pageUrl, string? imageUrl, string? originalUrl, string siteName, string siteUrl, string publisherLogoUrl)
    {
        var translated = article.Translation is not null;
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["@id"] = pageUrl,
            ["url"] = pageUrl,
            ["mainEntityOfPage"] = pageUrl,
            ["headline"] = SiteShell.Shorten(article.DisplayTitle, 110),
            ["datePublished"] = Stamps.Iso(article.PublishedUtc),
            ["dateModified"] = Stamps.Iso(ArticleDates.Modified(article)),
            ["inLanguage"] = translated ? "en" : article.Language,
            ["articleSection"] = article.Category,
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = article.SourceName },
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = siteName,
                ["url"] = siteUrl,
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = publisherLogoUrl },
            },
        };
        if (imageUrl is not null) data["image"] = new JsonArray(imageUrl);
        if (originalUrl is not null) data["isBasedOn"] = originalUrl;
        if (translated)
        {
            var original = new JsonObject
            {
                ["@type"] = "NewsArticle",
                ["headline"] = SiteShell.Shorten(article.Original.Title, 110),
                ["inLanguage"] = article.Language,
            };
            if (originalUrl is not null)
            {
                original["@id"] = originalUrl;
                original["url"] = originalUrl;
            }
            data["translationOfWork"] = original;
        }
        return data;
    }
}
