using System.Xml;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Sitemaps;

namespace ForeignDesk.Ingest.Sources;

/// <summary>What a URL given for a new source leads to: its endpoints, the feed's or page's title, or why nothing.</summary>
public sealed record FoundEndpoints(IReadOnlyList<(EndpointKind Kind, Uri Url)> Endpoints, string? Title, string? Problem);

/// <summary>
/// Finds a source's endpoints from any URL of the outlet: a feed or a sitemap is taken as it is; an HTML page leads to
/// the feeds it announces, else the site's sitemaps (<see cref="EndpointDiscovery"/>), else is followed as a section
/// page when it links to articles.
/// </summary>
public sealed partial class SourceUrlDiscovery(IPageFetcher fetcher, EndpointDiscovery discovery)
{
    public async Task<FoundEndpoints> DiscoverAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var outcome = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (outcome is not { IsOk: true, Page: { } page })
            return new([], null, $"{url} could not be fetched: {outcome.Error ?? outcome.Status.ToString()}");
        if (Parses(() => FeedParser.Parse(page.Body, page.FinalUrl)) is { } feed) return new([(EndpointKind.Feed, url)], feed.Title, null);
        if (Parses(() => SitemapParser.Parse(page.Body, page.FinalUrl)) is not null) return new([(EndpointKind.Sitemap, url)], null, null);

        var html = HtmlDecoding.Decode(page.Body, page.ContentType);
        var title = TitleOf(html);
        var found = await discovery.DiscoverAsync(url, cancellationToken);
        if (found.Endpoints.Count > 0) return new(found.Endpoints, title, null);
        var links = SectionLinks.Find(html, page.FinalUrl, []);
        return links.Count > 0 ? new([(EndpointKind.Section, url)], title, null) : new([], null, found.Problem + "; nor does it link to articles");
    }

    /// <summary>The page's title, as a default name for the source.</summary>
    private static string? TitleOf(string html) =>
        TitleElement().Match(html) is { Success: true } m && System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim() is { Length: > 0 and <= 200 } title
            ? string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"<title[^>]*>([^<]*)</title>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TitleElement();

    private static T? Parses<T>(Func<T> parse) where T : class
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is FeedFormatException or XmlException)
        {
            return null;
        }
    }
}
