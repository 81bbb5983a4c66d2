namespace ForeignDesk.Web.Feeds;

/// <summary>One article as every feed format carries it. URLs are absolute.</summary>
/// <param name="Title">The English title (the original one while the article awaits an engine).</param>
/// <param name="Url">The article's page on this site; also the entry's id.</param>
/// <param name="OriginalUrl">The article at its outlet.</param>
/// <param name="OriginalLanguage">ISO 639-1 code of the original.</param>
/// <param name="Language">The language of <paramref name="Title"/> and the text: "en" when translated, else the original's.</param>
/// <param name="Engine">The translation engine and its route ("apertium", "es→en"); null when not translated.</param>
/// <param name="SourceUrl">The source's page on this site; its feeds are under it.</param>
/// <param name="ContentHtml">The whole translation as HTML, or null when the source allows only a summary.</param>
/// <param name="Summary">The teaser or the start of the text, plain.</param>
/// <param name="ImageUrl">The lead image, when it is an absolute http(s) URL.</param>
internal sealed record FeedEntry(
    string Title,
    string Url,
    string OriginalUrl,
    string OriginalLanguage,
    string Language,
    string SourceName,
    string SourceUrl,
    string? Engine,
    string? Route,
    string Category,
    DateTimeOffset PublishedUtc,
    DateTimeOffset ModifiedUtc,
    string? ContentHtml,
    string Summary,
    string? ImageUrl);

/// <summary>A feed: its scope's title and page, and its entries, newest first.</summary>
/// <param name="PageUrl">The HTML page of the same scope.</param>
/// <param name="FeedBaseUrl">The absolute base its files are under (the site's root, or <c>…/category/world</c>).</param>
/// <param name="Query">The query string the feed's own address carries (a search's), with its "?"; empty otherwise.</param>
internal sealed record FeedChannel(
    string Title,
    string Description,
    string PageUrl,
    string FeedBaseUrl,
    string Query,
    string SiteName,
    string? IconUrl,
    DateTimeOffset UpdatedUtc,
    IReadOnlyList<FeedEntry> Entries)
{
    public string FeedUrl(FeedFormat format) => FeedBaseUrl + "/" + format.FileName + Query;
}
