using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>One pass over every source: poll its feeds, then take each listed article through the pipeline.</summary>
public sealed class IngestPass(
    IArticleStore store,
    IPageFetcher fetcher,
    ArticleProcessor articles,
    TranslationStage translation,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<IngestPass> log)
{
    public async Task<IngestReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new IngestReport();
        var sources = await store.ListSourcesAsync(cancellationToken);
        await Parallel.ForEachAsync(sources,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelSources, CancellationToken = cancellationToken },
            async (source, ct) => await PollSourceAsync(source, report, ct));
        await RetryUntranslatedAsync(report, cancellationToken);
        log.LogInformation("Ingest pass done: {Report}", report);
        return report;
    }

    private async Task PollSourceAsync(Source source, IngestReport report, CancellationToken cancellationToken)
    {
        report.SourcePolled();
        var healthy = true;
        foreach (var feedUrl in source.FeedUrls)
        {
            var feed = await FetchFeedAsync(source, feedUrl, cancellationToken);
            if (feed is null)
            {
                healthy = false;
                report.FeedFailed();
                continue;
            }
            var items = feed.Items
                .Where(i => i.ArticleUrl is not null)
                .OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue)
                .Take(options.Value.MaxItemsPerFeed)
                .DistinctBy(i => i.ArticleUrl!.AbsoluteUri);
            foreach (var item in items)
                await articles.ProcessAsync(source, item, report, cancellationToken);
        }
        if (healthy) await store.RecordSourceSuccessAsync(source.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <returns>The parsed feed; an empty one when it has not changed; null when it failed (recorded on the source).</returns>
    private async Task<ParsedFeed?> FetchFeedAsync(Source source, Uri feedUrl, CancellationToken cancellationToken)
    {
        var validators = await store.GetValidatorsAsync(feedUrl.AbsoluteUri, cancellationToken);
        var outcome = await fetcher.FetchAsync(new FetchRequest(feedUrl, validators), cancellationToken);
        if (outcome.Status == FetchStatus.NotModified) return new ParsedFeed("unchanged", null, null, null, []);
        if (outcome.Status != FetchStatus.Ok || outcome.Page is null)
            return await FeedFailedAsync(source, feedUrl, outcome.Error ?? outcome.Status.ToString(), cancellationToken);

        ParsedFeed feed;
        try
        {
            feed = FeedParser.Parse(outcome.Page.Body, outcome.Page.FinalUrl);
        }
        catch (FeedFormatException ex)
        {
            return await FeedFailedAsync(source, feedUrl, ex.Message, cancellationToken);
        }
        await store.SaveValidatorsAsync(feedUrl.AbsoluteUri, new HttpValidators(outcome.Page.ETag, outcome.Page.LastModified), cancellationToken);
        return feed;
    }

    private async Task<ParsedFeed?> FeedFailedAsync(Source source, Uri feedUrl, string message, CancellationToken cancellationToken)
    {
        log.LogWarning("Feed {Url} of source {SourceId} failed: {Message}", feedUrl, source.Id, message);
        await store.RecordProblemAsync(new FetchProblem(source.Id, feedUrl.AbsoluteUri, "feed", message, time.GetUtcNow()), cancellationToken);
        return null;
    }

    /// <summary>Articles whose translation failed earlier, or whose language had no engine, get another chance.</summary>
    private async Task RetryUntranslatedAsync(IngestReport report, CancellationToken cancellationToken)
    {
        foreach (var id in await store.UntranslatedAsync(200, cancellationToken))
        {
            if (await store.GetArticleAsync(id, cancellationToken) is not { } article) continue;
            var before = article.State;
            var after = await translation.TranslateAsync(article, cancellationToken);
            if (after == ArticleState.Translated) report.ArticleTranslated();
            else if (after == ArticleState.AwaitingEngine && before != ArticleState.AwaitingEngine) report.ArticleAwaitingEngine();
        }
    }
}
