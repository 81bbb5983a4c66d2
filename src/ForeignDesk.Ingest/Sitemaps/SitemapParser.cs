using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;

namespace ForeignDesk.Ingest.Sitemaps;

/// <summary>
/// Parses sitemaps (sitemaps.org urlset and index, Google News and image extensions, hreflang alternates), gzip
/// compressed or not, and feeds given as sitemaps. Lenient about namespaces (reported in
/// <see cref="SitemapDocument.StrictNamespace"/>); like feeds, no DTD or entity is ever resolved or expanded.
/// Anything else throws <see cref="FeedFormatException"/>.
/// </summary>
public static class SitemapParser
{
    /// <summary>Largest sitemap accepted after decompression: the protocol's own limit is 50 MB.</summary>
    public const long MaxDecompressedBytes = 50L * 1024 * 1024;

    public static SitemapDocument Parse(byte[] body, Uri sitemapUrl, long maxDecompressedBytes = MaxDecompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sitemapUrl);
        var bytes = SitemapGzip.IsGzip(body) ? SitemapGzip.Decompress(body, maxDecompressedBytes) : body;
        var text = FeedText.Decode(bytes);
        if (text.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF\0") < 0)
        {
            throw new FeedFormatException("not a sitemap: the document is empty");
        }

        var root = FeedTreeReader.Read(FeedText.Clean(text));
        var strict = root.Namespace == SitemapNamespaces.Sitemap;
        switch (root.LocalName.ToLowerInvariant())
        {
            case "urlset":
                return new SitemapDocument(SitemapKind.UrlSet, root.Children("url").Select(u => ReadUrl(u, sitemapUrl)).OfType<SitemapUrl>().ToList(), Locations(root, sitemapUrl), strict);
            case "sitemapindex":
                return new SitemapDocument(SitemapKind.Index, [], Locations(root, sitemapUrl), strict);
            case "rss" or "rdf" or "feed":
                var feed = FeedParser.Parse(bytes, sitemapUrl);
                var urls = feed.Items.Where(i => i.ArticleUrl is not null)
                    .Select(i => new SitemapUrl(i.ArticleUrl!, i.Published, null, null, [], []))
                    .ToList();
                return new SitemapDocument(SitemapKind.Feed, urls, [], false);
            default:
                throw new FeedFormatException($"not a sitemap: unknown root element <{root.Name}>");
        }
    }

    /// <summary>The <c>&lt;sitemap&gt;</c> children: their <c>loc</c>, or their bare text where a site left <c>loc</c> out.</summary>
    private static List<Uri> Locations(FeedNode parent, Uri baseUri) =>
        parent.Children("sitemap")
            .Select(s => FeedUrls.Resolve(s.Child("loc")?.InnerText ?? s.InnerText, baseUri))
            .OfType<Uri>()
            .ToList();

    private static SitemapUrl? ReadUrl(FeedNode url, Uri baseUri)
    {
        if (FeedUrls.Resolve(url.Child("loc")?.InnerText, baseUri) is not { } location)
        {
            return null;
        }

        var images = url.Children("image", SitemapNamespaces.Image)
            .Select(i => FeedUrls.Resolve(i.Child("loc")?.InnerText, baseUri) is { } loc
                ? new SitemapImage(loc, Text(i.Child("caption")), Text(i.Child("geo_location")), Text(i.Child("title")), Text(i.Child("license")))
                : null)
            .OfType<SitemapImage>()
            .ToList();
        var alternates = url.Children("link", SitemapNamespaces.Xhtml)
            .Where(l => "alternate".Equals(l.Attr("rel")?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(l => Text(l.Attr("hreflang")) is { } lang && FeedUrls.Resolve(l.Attr("href"), baseUri) is { } href ? new SitemapAlternate(lang, href) : null)
            .OfType<SitemapAlternate>()
            .ToList();
        return new SitemapUrl(
            location,
            FeedDates.Parse(url.Child("lastmod")?.InnerText),
            Text(url.Child("changefreq")),
            ReadNews(url.Child("news", SitemapNamespaces.News)),
            images,
            alternates);
    }

    private static NewsEntry? ReadNews(FeedNode? news)
    {
        if (news is null)
        {
            return null;
        }

        var publication = news.Child("publication");
        var name = Text(publication?.Child("name"));
        var language = Text(publication?.Child("language"));
        return new NewsEntry(
            name,
            language,
            FeedDates.Parse(news.Child("publication_date")?.InnerText),
            Text(news.Child("title")),
            List(news.Child("keywords")),
            List(news.Child("genres")),
            List(news.Child("stock_tickers")),
            Text(news.Child("access")),
            Valid: name is not null && language is not null);
    }

    private static string? Text(FeedNode? node) => Text(node?.InnerText);

    private static string? Text(string? text) => FeedStrings.NonEmpty(text);

    private static List<string> List(FeedNode? node) =>
        (node?.InnerText ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
