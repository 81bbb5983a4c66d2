using System.Buffers;
using System.Text;
using System.Text.Json;
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
        var html = new HtmlBuilder(capacity: 2048);
        html.Add($"<meta property=\"article:modified_time\" content=\"{Stamps.Iso(ArticleDates.Modified(article))}\">\n");
        html.Add($"<meta property=\"article:section\" content=\"{article.Category}\">\n");
        if (translated && originalUrl is not null)
        {
            html.Add($"<link rel=\"alternate\" hreflang=\"en\" href=\"{pageUrl}\">\n");
            html.Add($"<link rel=\"alternate\" hreflang=\"{article.Language}\" href=\"{originalUrl}\">\n");
        }
        var json = JsonLd(article, pageUrl, imageUrl, originalUrl, siteName, siteUrl, publisherLogoUrl);
        // The default encoder writes <, > and & as \u escapes, so the data cannot close the script element.
        html.Add($"<script type=\"application/ld+json\">{new TrustedHtml(json)}</script>\n");
        return new TrustedHtml(html.ToString());
    }

    /// <summary>The schema.org data, written straight as compact JSON.</summary>
    private static string JsonLd(
        StoredArticle article, string pageUrl, string? imageUrl, string? originalUrl, string siteName, string siteUrl, string publisherLogoUrl)
    {
        var translated = article.Translation is not null;
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteString("@id", pageUrl);
            json.WriteString("url", pageUrl);
            json.WriteString("mainEntityOfPage", pageUrl);
            json.WriteString("headline", SiteShell.Shorten(article.DisplayTitle, 110));
            json.WriteString("datePublished", Stamps.Iso(article.PublishedUtc));
            json.WriteString("dateModified", Stamps.Iso(ArticleDates.Modified(article)));
            json.WriteString("inLanguage", translated ? "en" : article.Language);
            json.WriteString("articleSection", article.Category);
            json.WriteStartObject("author");
            json.WriteString("@type", "Organization");
            json.WriteString("name", article.SourceName);
            json.WriteEndObject();
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", siteName);
            json.WriteString("url", siteUrl);
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", publisherLogoUrl);
            json.WriteEndObject();
            json.WriteEndObject();
            if (imageUrl is not null)
            {
                json.WriteStartArray("image");
                json.WriteStringValue(imageUrl);
                json.WriteEndArray();
            }
            if (originalUrl is not null) json.WriteString("isBasedOn", originalUrl);
            if (translated)
            {
                json.WriteStartObject("translationOfWork");
                json.WriteString("@type", "NewsArticle");
                json.WriteString("headline", SiteShell.Shorten(article.Original.Title, 110));
                json.WriteString("inLanguage", article.Language);
                if (originalUrl is not null)
                {
                    json.WriteString("@id", originalUrl);
                    json.WriteString("url", originalUrl);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
