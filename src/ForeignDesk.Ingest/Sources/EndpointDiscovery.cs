using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Sitemaps;

namespace ForeignDesk.Ingest.Sources;

/// <summary>What an outlet's home page leads to: the feeds it announces, else its sitemaps.</summary>
public sealed record DiscoveredEndpoints(IReadOnlyList<(EndpointKind Kind, Uri Url)> Endpoints, string? Problem);

/// <summary>
/// Finds the endpoints of an outlet from its home page: <c>&lt;link rel="alternate"&gt;</c> feeds; when there are
/// none, the <c>Sitemap:</c> lines of its robots.txt, else <c>/sitemap.xml</c> when that parses as a sitemap.
/// </summary>
public sealed class EndpointDiscovery(IPageFetcher fetcher)
{
    public async Task<DiscoveredEndpoints> DiscoverAsync(Uri home, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(home);
        var page = await fetcher.FetchAsync(new FetchRequest(home), cancellationToken);
        if (page.Page is { } homePage && page.IsOk)
        {
            var feeds = FeedDiscovery.FindFeeds(Extract.HtmlDecoding.Decode(homePage.Body, homePage.ContentType), homePage.FinalUrl);
            if (feeds.Count > 0) return new DiscoveredEndpoints([.. feeds.Select(f => (EndpointKind.Feed, f))], null);
        }

        var root = new Uri(home.GetLeftPart(UriPartial.Authority) + "/");
        var robots = await fetcher.FetchAsync(new FetchRequest(new Uri(root, "/robots.txt")), cancellationToken);
        if (robots is { IsOk: true, Page: { } robotsPage }
            && RobotsSitemaps.Find(System.Text.Encoding.UTF8.GetString(robotsPage.Body), robotsPage.FinalUrl) is { Count: > 0 } listed)
        {
            return new DiscoveredEndpoints([.. listed.Select(s => (EndpointKind.Sitemap, s))], null);
        }

        var guess = new Uri(root, "/sitemap.xml");
        var sitemap = await fetcher.FetchAsync(new FetchRequest(guess), cancellationToken);
        if (sitemap is { IsOk: true, Page: { } sitemapPage })
        {
            try
            {
                SitemapParser.Parse(sitemapPage.Body, sitemapPage.FinalUrl);
                return new DiscoveredEndpoints([(EndpointKind.Sitemap, guess)], null);
            }
            catch (FeedFormatException ex)
            {
                return new DiscoveredEndpoints([], $"{home} names no feed, and {guess} is {ex.Message}");
            }
        }

        return new DiscoveredEndpoints([], $"{home} names no feed, its robots.txt no sitemap, and {guess} answered {sitemap.Error ?? sitemap.Status.ToString()}"
            + (page.IsOk ? "" : $" (the home page: {page.Error})"));
    }
}
