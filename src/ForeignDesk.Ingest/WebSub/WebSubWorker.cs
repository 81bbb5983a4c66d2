using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>
/// Takes each feed a hub pushed through the pipeline at once (<see cref="WebSubOptions.ParallelPushes"/> at a time),
/// and keeps the subscriptions renewed.
/// </summary>
public sealed class WebSubWorker(
    WebSubCallback callback,
    WebSubSubscriber subscriber,
    IArticleStore store,
    ArticleProcessor articles,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<WebSubWorker> log,
    ISourceControlStore? controls = null) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.ParallelPushes)).Select(_ => ReadInboxAsync(stoppingToken))
            .Append(MaintainAsync(stoppingToken)));

    /// <summary>
    /// The pushed feed's items not fetched before, newest first. Items already known are left to polling, which
    /// notices their updates with a conditional GET; so a push costs one request per new article, not one per item.
    /// </summary>
    public async Task<IngestReport> ProcessAsync(PushedFeed pushed, CancellationToken cancellationToken)
    {
        var report = new IngestReport();
        var source = (await store.ListSourcesAsync(cancellationToken)).FirstOrDefault(s => s.Id == pushed.Subscription.SourceId);
        if (source is null) return report;
        // A paused source takes no pushes either.
        if (controls is not null && (await controls.SourceControlsAsync(cancellationToken)).TryGetValue(source.Id, out var held) && held.Paused) return report;
        var feed = FeedParser.Parse(pushed.Body, pushed.Subscription.FeedUrl);
        var items = feed.Items
            .Where(i => i.ArticleUrl is not null)
            .OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue)
            .DistinctBy(i => i.ArticleUrl!.AbsoluteUri);
        foreach (var item in items)
        {
            if (await store.GetValidatorsAsync(UrlNormalizer.Normalize(item.ArticleUrl!), cancellationToken) is not null) continue;
            await articles.ProcessAsync(source, item, report, cancellationToken);
        }

        log.LogInformation("Pushed feed {Feed} processed: {Report}", pushed.Subscription.FeedUrl, report);
        return report;
    }

    private async Task ReadInboxAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pushed in callback.Inbox.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ProcessAsync(pushed, stoppingToken);
                }
                catch (FeedFormatException ex)
                {
                    log.LogWarning("Pushed content for {Feed} is not a feed: {Message}", pushed.Subscription.FeedUrl, ex.Message);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(ex, "Pushed feed {Feed} of source {SourceId} failed; polling will take its items",
                        pushed.Subscription.FeedUrl, pushed.Subscription.SourceId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("WebSub inbox reader stopped");
        }
    }

    private async Task MaintainAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await subscriber.MaintainAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(ex, "WebSub subscription upkeep failed; it runs again in {Interval}", options.Value.MaintenanceInterval);
                }

                await Task.Delay(options.Value.MaintenanceInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("WebSub subscription upkeep stopped");
        }
    }
}
