using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Sitemaps;

namespace ForeignDesk.Ingest.Sources;

/// <summary>What a URL of an outlet leads to: the endpoints to follow, or why none.</summary>
/// <param name="How">How they were found, for the operator: "the URL is a feed", "announced by the page", ...</param>
public sealed record DiscoveredEndpoints(IReadOnlyList<(EndpointKind Kind, Uri Url)> Endpoints, string? Problem, string? How = null);

/// <summary>
/// Finds the endpoints of an outlet from its home page: <c>&lt;link rel="alternate"&gt;</c> feeds; when there are
/// none, the <c>Sitemap:</c> lines of its robots.txt, else <c>/sitemap.xml</c> when that parses as a sitemap. From any
/// URL (<see cref="FromUrlAsync"/>): a feed or a sitemap as it is, an HTML page's announced feeds, else a home page's
/// sitemaps or a section page itself.
/// </summary>
public sealed class EndpointDiscovery(IPageFetcher fetcher)
{
    /// <summary>What to follow given any URL of an outlet: a feed, a sitemap, a section page or a home page.</summary>
    public async Task<DiscoveredEndpoints> FromUrlAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var outcome = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (outcome is not { IsOk: true, Page: { } page })
            return new DiscoveredEndpoints([], $"{url} could not be fetched: {outcome.Error ?? outcome.Status.ToString()}");
        if (Parses(() => FeedParser.Parse(page.Body, page.FinalUrl)))
            return new DiscoveredEndpoints([(EndpointKind.Feed, url)], null, "the URL is a feed");
        if (Parses(() => SitemapParser.Parse(page.Body, page.FinalUrl)))
            return new DiscoveredEndpoints([(EndpointKind.Sitemap, url)], null, "the URL is a sitemap");
        if (AnnouncedFeeds(page) is { Endpoints.Count: > 0 } announced) return announced;
        if (url.AbsolutePath is "/" or "") return await FromSiteAsync(url, outcome, cancellationToken);
        return new DiscoveredEndpoints([(EndpointKind.Section, url)], null, "a page that announces no feed: the articles it links to are followed");
    }

    public async Task<DiscoveredEndpoints> DiscoverAsync(Uri home, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(home);
        var page = await fetcher.FetchAsync(new FetchRequest(home), cancellationToken);
        if (page.Page is { } homePage && page.IsOk && AnnouncedFeeds(homePage) is { Endpoints.Count: > 0 } announced) return announced;
        return await FromSiteAsync(home, page, cancellationToken);
    }

    private static DiscoveredEndpoints AnnouncedFeeds(FetchedPage page)
    {
        var feeds = FeedDiscovery.FindFeeds(Extract.HtmlDecoding.Decode(page.Body, page.ContentType), page.FinalUrl);
        return new DiscoveredEndpoints([.. feeds.Select(f => (EndpointKind.Feed, f))], null, "announced by the page");
    }

    private static bool Parses(Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (Exception ex) when (ex is FeedFormatException or System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>The sitemaps of the site of <paramref name="home"/>: robots.txt's, else <c>/sitemap.xml</c>.</summary>
    private async Task<DiscoveredEndpoints> FromSiteAsync(Uri home, FetchOutcome page, CancellationToken cancellationToken)
    {

        var root = new Uri(home.GetLeftPart(UriPartial.Authority) + "/");
        var robots = await fetcher.FetchAsync(new FetchRequest(new Uri(root, "/robots.txt")), cancellationToken);
        if (robots is { IsOk: true, Page: { } robotsPage }
            && RobotsSitemaps.Find(System.Text.Encoding.UTF8.GetString(robotsPage.Body), robotsPage.FinalUrl) is { Count: > 0 } listed)
        {
            return new DiscoveredEndpoints([.. listed.Select(s => (EndpointKind.Sitemap, s))], null, "listed in robots.txt");
        }

        var guess = new Uri(root, "/sitemap.xml");
        var sitemap = await fetcher.FetchAsync(new FetchRequest(guess), cancellationToken);
        if (sitemap is { IsOk: true, Page: { } sitemapPage })
        {
            try
            {
                SitemapParser.Parse(sitemapPage.Body, sitemapPage.FinalUrl);
                return new DiscoveredEndpoints([(EndpointKind.Sitemap, guess)], null, "the site's /sitemap.xml");
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
