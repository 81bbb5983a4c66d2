using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Sitemaps;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>What one poll of an endpoint gave: the article links it lists, or why it failed.</summary>
/// <param name="Validators">
/// The response's conditional-GET validators. The caller saves them only once every listed item is handled, so that a
/// stop part-way never hides the rest of the items behind a <c>304 Not Modified</c>.
/// </param>
public sealed record EndpointRead(IReadOnlyList<FeedItem> Items, string? Error, TimeSpan? RetryAfter, HttpValidators? Validators = null)
{
    public static EndpointRead Unchanged { get; } = new([], null, null);

    public static EndpointRead Failed(string error, TimeSpan? retryAfter = null) => new([], error, retryAfter);
}

/// <summary>Fetches one endpoint (conditional GET) and turns it into feed items: a feed parsed, a sitemap's recent pages, a section page's article links.</summary>
public sealed class EndpointReader(
    IArticleStore store,
    ISourceEndpointStore endpoints,
    IPageFetcher fetcher,
    IOptions<SitemapOptions> sitemapOptions,
    IOptions<FetchOptions> fetchOptions,
    TimeProvider time,
    WebSub.WebSubSubscriber? webSub = null)
{
    /// <param name="subscribe">Subscribe to (or leave) the feed's WebSub hub; false for a look at an endpoint not followed yet.</param>
    public async Task<EndpointRead> ReadAsync(SourceEndpoint endpoint, CancellationToken cancellationToken, bool subscribe = true)
    {
        var (page, failure) = await FetchAsync(endpoint.Url, cancellationToken);
        if (failure is not null) return failure;
        if (page is null) return EndpointRead.Unchanged;
        try
        {
            var items = endpoint.Kind switch
            {
                EndpointKind.Feed => FeedParser.Parse(page.Body, page.FinalUrl).Items,
                EndpointKind.Sitemap => await SitemapItemsAsync(page, depth: 0, cancellationToken),
                _ => SectionLinks.Find(FeedTextOf(page), page.FinalUrl, await endpoints.ArticleUrlsAsync(endpoint.SourceId, 200, cancellationToken))
                    .Select(u => new FeedItem(u, null, null, [], null)).ToList(),
            };
            if (subscribe && webSub is not null && endpoint.Kind == EndpointKind.Feed)
            {
                if (WebSub.HubLinks.Find(page.Body, page.FinalUrl) is { } hub)
                    await webSub.EnsureSubscribedAsync(endpoint.SourceId, endpoint.Url, hub, cancellationToken);
                else
                    await webSub.EnsureUnsubscribedAsync(endpoint.SourceId, endpoint.Url, cancellationToken);
            }
            return new EndpointRead(items, null, null, new HttpValidators(page.ETag, page.LastModified));
        }
        catch (FeedFormatException ex)
        {
            return EndpointRead.Failed(ex.Message);
        }
    }

    private async Task<(FetchedPage? Page, EndpointRead? Failure)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var validators = await store.GetValidatorsAsync(url.AbsoluteUri, cancellationToken);
        var outcome = await fetcher.FetchAsync(new FetchRequest(url, validators), cancellationToken);
        return outcome.Status switch
        {
            FetchStatus.NotModified => (null, null),
            FetchStatus.Ok when outcome.Page is not null => (outcome.Page, null),
            _ => (null, EndpointRead.Failed(outcome.Error ?? outcome.Status.ToString(), outcome.RetryAfter)),
        };
    }

    private async Task<IReadOnlyList<FeedItem>> SitemapItemsAsync(FetchedPage page, int depth, CancellationToken cancellationToken)
    {
        var options = sitemapOptions.Value;
        var now = time.GetUtcNow();
        // A compressed sitemap may inflate to no more than a page may weigh.
        var sitemap = SitemapParser.Parse(page.Body, page.FinalUrl, fetchOptions.Value.MaxBodyBytes);
        var items = SitemapSelection.Recent(sitemap, now, options.RecentWindow)
            .Select(u => new FeedItem(u.Location, u.News?.Title, u.Date, u.News?.Keywords ?? [], null))
            .ToList();
        if (sitemap.Sitemaps.Count == 0 || depth >= 1) return items;

        foreach (var child in SitemapSelection.Children(sitemap, now, options.RecentWindow, options.MaxChildSitemaps))
        {
            var (childPage, failure) = await FetchAsync(child, cancellationToken);
            if (failure is not null || childPage is null) continue;
            items.AddRange(await SitemapItemsAsync(childPage, depth + 1, cancellationToken));
        }

        return items;
    }

    private static string FeedTextOf(FetchedPage page) => Extract.HtmlDecoding.Decode(page.Body, page.ContentType);
}
