using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// Polls the endpoints of every source (all of them, or only those due), then takes each listed article through the
/// pipeline. Each endpoint keeps its own schedule and error count; a failing endpoint is recorded on its source and
/// polled again later, never dropped.
/// </summary>
public sealed class IngestPass(
    IArticleStore store,
    ISourceEndpointStore endpoints,
    EndpointReader reader,
    ArticleProcessor articles,
    TranslationStage translation,
    ArticleRepair repair,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<IngestPass> log,
    Telemetry.IngestMetrics? metrics = null,
    ISourceControlStore? controls = null)
{
    private readonly PollSchedule schedule = new(options.Value, Random.Shared);
    private volatile bool _repaired;

    /// <summary>One pass over every endpoint of every source (<c>ingest --once</c>).</summary>
    public Task<IngestReport> RunAsync(CancellationToken cancellationToken) => RunAsync(dueOnly: false, WorkProgress.None, cancellationToken);

    /// <summary>One pass over every endpoint of every source, counting the sources done on <paramref name="progress"/>.</summary>
    public Task<IngestReport> RunAsync(IWorkProgress progress, CancellationToken cancellationToken) => RunAsync(dueOnly: false, progress, cancellationToken);

    /// <param name="dueOnly">Poll only the endpoints whose next poll time has come.</param>
    public Task<IngestReport> RunAsync(bool dueOnly, CancellationToken cancellationToken) => RunAsync(dueOnly, WorkProgress.None, cancellationToken);

    private async Task<IngestReport> RunAsync(bool dueOnly, IWorkProgress progress, CancellationToken cancellationToken)
    {
        // The first pass of a process first completes what an earlier process left between two states.
        if (!_repaired)
        {
            await repair.RunAsync(cancellationToken);
            _repaired = true;
        }

        var report = new IngestReport();
        var sources = await PolledSourcesAsync(cancellationToken);
        using (var polled = progress.Start("sources", sources.Count))
        {
            await Parallel.ForEachAsync(sources,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelSources, CancellationToken = cancellationToken },
                async (source, ct) =>
                {
                    await PollSourceSafelyAsync(source, dueOnly, report, ct);
                    polled.Add();
                });
        }
        await RetryUntranslatedAsync(report, cancellationToken);
        log.LogInformation("Ingest pass done: {Report}", report);
        return report;
    }

    /// <summary>The earliest next poll over every endpoint, or null when none has been scheduled yet.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? earliest = null;
        foreach (var source in await PolledSourcesAsync(cancellationToken))
        {
            foreach (var endpoint in await EndpointsOfAsync(source, cancellationToken))
            {
                var due = DueAt(endpoint, time.GetUtcNow());
                earliest = earliest is null || due < earliest ? due : earliest;
            }
        }

        return earliest;
    }

    /// <summary>
    /// When an endpoint is due: its planned next poll; now when it has none, or when the clock has gone back before its
    /// last success (a plan made at a later time than now would hold the endpoint back for as long as the clock jumped).
    /// </summary>
    private static DateTimeOffset DueAt(SourceEndpoint endpoint, DateTimeOffset now) =>
        endpoint.NextPollUtc is not { } next || endpoint.LastSuccessUtc > now ? now : next;

    /// <summary>One source's poll; a failure that is not a stop is logged and recorded on the source, and the pass goes on.</summary>
    private async Task PollSourceSafelyAsync(Source source, bool dueOnly, IngestReport report, CancellationToken cancellationToken)
    {
        try
        {
            await PollSourceAsync(source, dueOnly, report, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            report.FeedFailed();
            metrics?.SourceError(source.Slug, "feed");
            log.LogError(ex, "Polling source {SourceId} failed; it is polled again in the next pass", source.Id);
            await RecordSafelyAsync(new FetchProblem(source.Id, source.HomeUrl.AbsoluteUri, "feed", ex.Message, time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Records a problem; when even that fails (the store is down), the log keeps it.</summary>
    private async Task RecordSafelyAsync(FetchProblem problem, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordProblemAsync(problem, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError(ex, "Could not record the problem of source {SourceId} with {Url}", problem.SourceId, problem.Url);
        }
    }

    private async Task PollSourceAsync(Source source, bool dueOnly, IngestReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = (await EndpointsOfAsync(source, cancellationToken))
            .Where(e => !dueOnly || DueAt(e, now) <= now)
            .ToList();
        if (due.Count == 0) return;

        report.SourcePolled();
        var healthy = true;
        foreach (var endpoint in due)
        {
            healthy &= await PollEndpointAsync(source, endpoint, report, cancellationToken);
        }

        if (healthy) await store.RecordSourceSuccessAsync(source.Id, time.GetUtcNow(), cancellationToken);
    }

    private async Task<bool> PollEndpointAsync(Source source, SourceEndpoint endpoint, IngestReport report, CancellationToken cancellationToken)
    {
        EndpointRead read;
        try
        {
            read = await reader.ReadAsync(endpoint, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Recorded and backed off like any failed poll.
            log.LogError(ex, "Reading {Kind} {Url} of source {SourceId} failed", endpoint.Kind, endpoint.Url, source.Id);
            read = EndpointRead.Failed(ex.Message);
        }

        var now = time.GetUtcNow();
        if (read.Error is { } error)
        {
            report.FeedFailed();
            metrics?.SourceError(source.Slug, "feed");
            var interval = schedule.AfterError(endpoint.ConsecutiveErrors + 1, read.RetryAfter);
            log.LogWarning("{Kind} {Url} of source {SourceId} failed ({Errors} in a row; next try in {Interval}): {Message}",
                endpoint.Kind, endpoint.Url, source.Id, endpoint.ConsecutiveErrors + 1, interval, error);
            await store.RecordProblemAsync(new FetchProblem(source.Id, endpoint.Url.AbsoluteUri, "feed", $"{endpoint.Kind.ToString().ToLowerInvariant()}: {error}", now), cancellationToken);
            await endpoints.RecordPollAsync(source.Id, endpoint.Url, new EndpointPoll(now, endpoint.Interval, now + interval, error), cancellationToken);
            if (endpoint.ConsecutiveErrors + 1 == options.Value.FailingAfterErrors)
            {
                log.LogWarning("{Kind} {Url} of source {SourceId} is now failing ({Errors} errors in a row); it is still polled, next in {Interval}",
                    endpoint.Kind, endpoint.Url, source.Id, endpoint.ConsecutiveErrors + 1, interval);
            }

            return false;
        }

        var items = read.Items
            .Where(i => i.ArticleUrl is not null)
            .OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue)
            .Take(options.Value.MaxItemsPerFeed)
            .DistinctBy(i => i.ArticleUrl!.AbsoluteUri);
        var created = report.Created;
        var handled = true;
        foreach (var item in items)
            handled &= await ProcessItemAsync(source, item, report, cancellationToken);

        // Only now does the endpoint's response count as read: a stop or a failure before this point leaves the old
        // validators, so the next poll gets the whole response again and takes the items not yet handled.
        if (handled && read.Validators is { } validators)
            await store.SaveValidatorsAsync(endpoint.Url.AbsoluteUri, validators, cancellationToken);

        var next = schedule.AfterSuccess(endpoint.Interval, report.Created - created);
        await endpoints.RecordPollAsync(source.Id, endpoint.Url, new EndpointPoll(now, next, time.GetUtcNow() + next, null), cancellationToken);
        return true;
    }

    /// <summary>
    /// One item through the pipeline. A failure that is not a stop (a bug, a store error, a timeout's cancellation) is
    /// logged and recorded on the source, and the pass goes on with the next item.
    /// </summary>
    /// <returns>True when the item is handled, so that it counts as seen.</returns>
    private async Task<bool> ProcessItemAsync(Source source, FeedItem item, IngestReport report, CancellationToken cancellationToken)
    {
        try
        {
            return await articles.ProcessAsync(source, item, report, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            report.ArticleFailed();
            log.LogError(ex, "Item {Url} of source {SourceId} failed; the next poll takes it again", item.ArticleUrl, source.Id);
            await RecordSafelyAsync(new FetchProblem(source.Id, item.ArticleUrl!.AbsoluteUri, "article", ex.Message, time.GetUtcNow()), cancellationToken);
            return false;
        }
    }

    /// <summary>Every source but those the operator paused.</summary>
    private async Task<IReadOnlyList<Source>> PolledSourcesAsync(CancellationToken cancellationToken)
    {
        var sources = await store.ListSourcesAsync(cancellationToken);
        if (controls is null) return sources;
        var held = await controls.SourceControlsAsync(cancellationToken);
        return [.. sources.Where(s => !(held.TryGetValue(s.Id, out var c) && c.Paused))];
    }

    /// <summary>The source's endpoints; its feed URLs are registered as feed endpoints the first time they are seen.</summary>
    private async Task<IReadOnlyList<SourceEndpoint>> EndpointsOfAsync(Source source, CancellationToken cancellationToken)
    {
        var known = await endpoints.EndpointsAsync(source.Id, cancellationToken);
        var missing = source.FeedUrls.Where(f => known.All(k => k.Url.AbsoluteUri != f.AbsoluteUri)).ToList();
        if (missing.Count == 0) return known;
        foreach (var feed in missing)
            await endpoints.AddEndpointAsync(source.Id, EndpointKind.Feed, feed, cancellationToken);
        return await endpoints.EndpointsAsync(source.Id, cancellationToken);
    }

    /// <summary>Articles whose translation failed earlier, or whose language had no engine, get another chance.</summary>
    private async Task RetryUntranslatedAsync(IngestReport report, CancellationToken cancellationToken)
    {
        foreach (var id in await store.UntranslatedAsync(200, cancellationToken))
        {
            try
            {
                if (await store.GetArticleAsync(id, cancellationToken) is not { } article) continue;
                var before = article.State;
                var after = await translation.TranslateAsync(article, cancellationToken);
                if (after == ArticleState.Translated) report.ArticleTranslated();
                else if (after == ArticleState.AwaitingEngine && before != ArticleState.AwaitingEngine) report.ArticleAwaitingEngine();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                log.LogError(ex, "Translating article {ArticleId} again failed; the next pass tries again", id);
            }
        }
    }
}
