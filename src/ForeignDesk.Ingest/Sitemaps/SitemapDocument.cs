namespace ForeignDesk.Ingest.Sitemaps;

public enum SitemapKind
{
    /// <summary>A <c>&lt;urlset&gt;</c> listing pages.</summary>
    UrlSet,
    /// <summary>A <c>&lt;sitemapindex&gt;</c> listing other sitemaps.</summary>
    Index,
    /// <summary>An RSS or Atom feed given where a sitemap was expected (the sitemaps protocol allows it).</summary>
    Feed,
}

/// <summary>A parsed sitemap: its pages, the sitemaps it points to, and whether its root used the sitemaps.org namespace.</summary>
public sealed record SitemapDocument(
    SitemapKind Kind,
    IReadOnlyList<SitemapUrl> Urls,
    IReadOnlyList<Uri> Sitemaps,
    bool StrictNamespace);

/// <summary>One page of a sitemap.</summary>
public sealed record SitemapUrl(
    Uri Location,
    DateTimeOffset? LastModified,
    string? ChangeFrequency,
    NewsEntry? News,
    IReadOnlyList<SitemapImage> Images,
    IReadOnlyList<SitemapAlternate> Alternates)
{
    /// <summary>When the page was published or last changed: the news publication date, else lastmod.</summary>
    public DateTimeOffset? Date => News?.PublicationDate ?? LastModified;
}

/// <summary>Google News sitemap data of one page. <paramref name="Valid"/> is false when the publication name or language is missing.</summary>
public sealed record NewsEntry(
    string? PublicationName,
    string? Language,
    DateTimeOffset? PublicationDate,
    string? Title,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> StockTickers,
    string? Access,
    bool Valid);

public sealed record SitemapImage(Uri Location, string? Caption, string? GeoLocation, string? Title, string? License);

/// <summary>An <c>xhtml:link rel="alternate" hreflang</c> annotation.</summary>
public sealed record SitemapAlternate(string Language, Uri Location);
