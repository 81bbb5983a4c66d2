using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>
/// The <c>push</c> job: reads a feed a hub pushed (to whichever web node) and enqueues a fetch job for each of its
/// articles not fetched before. Items already known are left to polling, which notices their updates with a
/// conditional GET; so a push costs one request per new article, not one per item. Running it twice enqueues the same
/// fetch jobs, which run once.
/// </summary>
public sealed class PushedFeedReader(
    IArticleStore store,
    IJobQueue jobs,
    IOptions<FetchOptions> fetchOptions,
    ILogger<PushedFeedReader> log,
    ISourceControlStore? controls = null) : IJobHandler
{
    public string Kind => JobKinds.Push;

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        var pushed = PushedFeed.Parse(job.Payload);
        try
        {
            await EnqueueFetchesAsync(pushed, cancellationToken);
        }
        catch (FeedFormatException ex)
        {
            // The hub's content will not read better the next time: the job is done, and polling goes on.
            log.LogWarning("Pushed content for {Feed} is not a feed: {Message}", pushed.FeedUrl, ex.Message);
        }
    }

    private async Task EnqueueFetchesAsync(PushedFeed pushed, CancellationToken cancellationToken)
    {
        var source = await store.GetSourceAsync(pushed.SourceId, cancellationToken);
        if (source is null) return;
        // A paused source takes no pushes either.
        if (controls is not null && (await controls.SourceControlsAsync(cancellationToken)).TryGetValue(source.Id, out var held) && held.Paused) return;
        var feed = FeedParser.Parse(pushed.Body, pushed.FeedUrl);
        var items = feed.Items
            .Where(i => i.ArticleUrl is not null)
            .OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue)
            .DistinctBy(i => i.ArticleUrl!.AbsoluteUri);
        var fresh = new List<FeedItem>();
        foreach (var item in items)
            if (await store.GetValidatorsAsync(ArticleProcessor.JobOf(source, item).Key, cancellationToken) is null) fresh.Add(item);
        // No request reached the articles' hosts for a push: each host's first fetch stands at the end of the queue now.
        var fetches = ArticleProcessor.JobsOf(source, fresh, fetchOptions.Value.MinDelayPerHost, hostJustRead: null);
        await jobs.EnqueueAsync(fetches, cancellationToken);
        log.LogInformation("Pushed feed {Feed}: {Count} new articles to fetch", pushed.FeedUrl, fetches.Count);
    }
}
