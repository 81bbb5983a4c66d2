using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>Takes each feed a hub pushed through the pipeline at once, the same way a poll would.</summary>
public sealed class WebSubWorker(WebSubSubscriber subscriber, IArticleStore store, ArticleProcessor articles, ILogger<WebSubWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var pushed in subscriber.Inbox.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ProcessAsync(pushed, stoppingToken);
            }
            catch (FeedFormatException ex)
            {
                log.LogWarning("Pushed content for {Feed} is not a feed: {Message}", pushed.Subscription.FeedUrl, ex.Message);
            }
        }
    }

    public async Task<IngestReport> ProcessAsync(PushedFeed pushed, CancellationToken cancellationToken)
    {
        var report = new IngestReport();
        var source = (await store.ListSourcesAsync(cancellationToken)).FirstOrDefault(s => s.Id == pushed.Subscription.SourceId);
        if (source is null) return report;
        var feed = FeedParser.Parse(pushed.Body, pushed.Subscription.FeedUrl);
        foreach (var item in feed.Items.Where(i => i.ArticleUrl is not null).DistinctBy(i => i.ArticleUrl!.AbsoluteUri))
            await articles.ProcessAsync(source, item, report, cancellationToken);
        log.LogInformation("Pushed feed {Feed} processed: {Report}", pushed.Subscription.FeedUrl, report);
        return report;
    }
}
