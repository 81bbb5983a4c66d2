using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The <c>recheck</c> job: fetches a stored article's page again with a conditional GET (the validators of its last
/// fetch), through the same polite fetcher as every fetch (per-host slots, robots.txt), then schedules the next check
/// (<see cref="RecheckSchedule"/>). A 304, or the same text, changes nothing. Changed text is stored by
/// <see cref="ArticleProcessor.StoreAsync"/>: the store keeps the version readers saw, and the translation that follows
/// sends only the changed paragraphs to the engine (the others come from the translation memory). A 404 or 410 marks the
/// article removed by the outlet, and no further check follows. Run twice, a check finds the page it stored (a 304 or
/// the same hash), so it never keeps a version twice, and schedules the same next check.
/// </summary>
public sealed class ArticleRecheck(
    IArticleStore store,
    IJobQueue jobs,
    IPageFetcher fetcher,
    ArticleProcessor processor,
    RecheckSchedule schedule,
    TimeProvider time,
    ILogger<ArticleRecheck> log) : IJobHandler
{
    public string Kind => JobKinds.Recheck;

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        var (articleId, number) = RecheckSchedule.Parse(job.Key);
        if (await store.GetArticleAsync(articleId, cancellationToken) is not { RemovedUtc: null } article) return;
        if (await store.GetSourceAsync(article.SourceId, cancellationToken) is not { } source) return;

        var page = await store.GetPageAsync(articleId, cancellationToken);
        var url = page?.RequestedUrl.AbsoluteUri ?? article.Url;
        var validators = await store.GetValidatorsAsync(url, cancellationToken)
            ?? (page is { } p ? new HttpValidators(p.ETag, p.LastModified) : null);
        var outcome = await fetcher.FetchAsync(new FetchRequest(new Uri(url), validators), cancellationToken);
        switch (outcome)
        {
            case { Status: FetchStatus.NotModified }:
                log.LogDebug("Check {Number} of article {ArticleId}: not modified", number, articleId);
                break;
            case { Status: FetchStatus.Ok, Page: { } fetched }:
                // The listing's date is the stored one, so that a page without a time keeps the article where it was.
                var item = new FeedItem(new Uri(url), null, article.PublishedEstimated ? null : article.PublishedUtc, [], null);
                if (await processor.StoreAsync(source, url, fetched, item, null, cancellationToken) is not null)
                    await store.SaveValidatorsAsync(url, new HttpValidators(fetched.ETag, fetched.LastModified), cancellationToken);
                break;
            case { Status: FetchStatus.HttpError, Page.Status: 404 or 410 }:
                await store.MarkRemovedByOutletAsync(articleId, time.GetUtcNow(), cancellationToken);
                log.LogInformation("Article {ArticleId} {Url} was removed by the outlet ({Status}); it leaves the lists", articleId, url, outcome.Page.Status);
                return;
            default:
                // A failure of one check (the outlet down, robots.txt now closed, rate limited) leaves the article as it is.
                log.LogInformation("Check {Number} of article {ArticleId} {Url} failed: {Message}", number, articleId, url, outcome.Error ?? outcome.Status.ToString());
                break;
        }
        if (schedule.After(article, number) is { } next) await jobs.EnqueueAsync([next], cancellationToken);
    }
}
