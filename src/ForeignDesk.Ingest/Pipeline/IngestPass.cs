using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// Schedules the pipeline's work as jobs: a poll for each endpoint of every source (all of them, or only those due),
/// and another try for the articles whose translation failed or had no engine. <see cref="RunAsync(bool, CancellationToken)"/>
/// then runs every job to its end in this process (<c>ingest --once</c>); the worker role only schedules, and leaves
/// the jobs to the <see cref="JobWorker"/> of whichever process leases them.
/// </summary>
public sealed class IngestPass(
    IArticleStore store,
    ISourceEndpointStore endpoints,
    IJobQueue jobs,
    JobRunner runner,
    ArticleRepair repair,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<IngestPass> log,
    ISourceControlStore? controls = null,
    IStoreFaults? storeFaults = null)
{
    /// <summary>Most untranslated articles a pass tries again, newest first.</summary>
    public const int UntranslatedRetried = 200;

    private volatile bool _repaired;

    /// <summary>One pass over every endpoint of every source, run to its end (<c>ingest --once</c>).</summary>
    public Task<IngestReport> RunAsync(CancellationToken cancellationToken) => RunAsync(dueOnly: false, WorkProgress.None, cancellationToken);

    /// <summary>The same, counting the sources on <paramref name="progress"/> (done once all their jobs are).</summary>
    public Task<IngestReport> RunAsync(IWorkProgress progress, CancellationToken cancellationToken) => RunAsync(dueOnly: false, progress, cancellationToken);

    /// <param name="dueOnly">Poll only the endpoints whose next poll time has come.</param>
    public Task<IngestReport> RunAsync(bool dueOnly, CancellationToken cancellationToken) => RunAsync(dueOnly, WorkProgress.None, cancellationToken);

    /// <summary>Pause before a pass that met a locked store starts again.</summary>
    public static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Schedules a pass and runs every job it leads to (and any other due job) in this process. A store locked by another
    /// process (or out of reach for a moment) stops the pass, which starts again after <see cref="StoreRetryDelay"/> for
    /// up to <see cref="PipelineOptions.StoreWait"/>: every step is idempotent, so what was done is not done twice.
    /// </summary>
    private async Task<IngestReport> RunAsync(bool dueOnly, IWorkProgress progress, CancellationToken cancellationToken)
    {
        // On the thread pool from the start: SQLite waits for a lock by blocking, and the caller must not wait with it.
        await Task.Yield();
        var report = new IngestReport();
        long? waitingSince = null;
        while (true)
        {
            try
            {
                using (IngestReport.Collect(report))
                {
                    var scheduled = await ScheduleAsync(dueOnly, report, cancellationToken);
                    using var polled = progress.Start("sources", scheduled);
                    await runner.RunUntilIdleAsync(cancellationToken);
                    polled.Add(scheduled);
                }
                break;
            }
            catch (Exception ex) when (storeFaults?.IsTemporary(ex) == true && !cancellationToken.IsCancellationRequested
                && (waitingSince is not { } since || time.GetElapsedTime(since) < options.Value.StoreWait))
            {
                waitingSince ??= time.GetTimestamp();
                log.LogWarning("The store is locked or out of reach ({Message}); the pass starts again in {Delay}", ex.Message, StoreRetryDelay);
                await Task.Delay(StoreRetryDelay, time, cancellationToken);
            }
        }
        log.LogInformation("Ingest pass done: {Report}", report);
        return report;
    }

    /// <summary>
    /// Enqueues the polls of the endpoints (all, or those due) and another try of untranslated articles. The first call
    /// of a process first enqueues the next step of every article a stop left between two states.
    /// </summary>
    /// <returns>How many sources had an endpoint to poll.</returns>
    public async Task<int> ScheduleAsync(bool dueOnly, IngestReport report, CancellationToken cancellationToken)
    {
        if (!_repaired)
        {
            await repair.RunAsync(cancellationToken);
            _repaired = true;
        }

        var now = time.GetUtcNow();
        var polls = new List<JobRequest>();
        var sources = 0;
        foreach (var source in await PolledSourcesAsync(cancellationToken))
        {
            var due = (await EndpointsOfAsync(source, cancellationToken)).Where(e => !dueOnly || DueAt(e, now) <= now).ToList();
            if (due.Count == 0) continue;
            report.SourcePolled();
            sources++;
            polls.AddRange(due.Select(EndpointPoller.JobOf));
        }
        await jobs.EnqueueAsync(polls, cancellationToken);
        var untranslated = await store.UntranslatedAsync(UntranslatedRetried, cancellationToken);
        await jobs.EnqueueAsync([.. untranslated.Select(TranslationStage.JobOf)], cancellationToken);
        return sources;
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
}
