using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The <c>poll</c> job: reads one endpoint (conditional GET) and enqueues a fetch job for each article it lists, then
/// saves the response's validators and plans the endpoint's next poll. A failing endpoint is recorded on its source
/// and backed off by its own schedule, never dropped. Running it twice enqueues the same fetch jobs, which run once.
/// </summary>
public sealed class EndpointPoller(
    IArticleStore store,
    ISourceEndpointStore endpoints,
    IJobQueue jobs,
    EndpointReader reader,
    IOptions<PipelineOptions> options,
    IOptions<FetchOptions> fetchOptions,
    TimeProvider time,
    ILogger<EndpointPoller> log,
    Telemetry.IngestMetrics? metrics = null) : IJobHandler
{
    private readonly PollSchedule schedule = new(options.Value, Random.Shared);

    public string Kind => JobKinds.Poll;

    /// <summary>The poll job of an endpoint: its key is the source id and the endpoint's URL.</summary>
    public static JobRequest JobOf(SourceEndpoint endpoint) =>
        new(JobKinds.Poll, $"{endpoint.SourceId.ToString(CultureInfo.InvariantCulture)} {endpoint.Url.AbsoluteUri}");

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        var space = job.Key.IndexOf(' ', StringComparison.Ordinal);
        if (space < 1 || !long.TryParse(job.Key.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var sourceId))
            throw new FormatException($"a poll job's key is a source id and a URL, not '{job.Key}'");
        var url = job.Key[(space + 1)..];
        var source = await store.GetSourceAsync(sourceId, cancellationToken);
        var endpoint = source is null ? null : (await endpoints.EndpointsAsync(sourceId, cancellationToken)).FirstOrDefault(e => e.Url.AbsoluteUri == url);
        if (source is null || endpoint is null)
        {
            log.LogInformation("Endpoint {Url} of source {SourceId} is gone; not polled", url, sourceId);
            return;
        }
        await PollAsync(source, endpoint, cancellationToken);
    }

    private async Task PollAsync(Source source, SourceEndpoint endpoint, CancellationToken cancellationToken)
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
            IngestReport.Current?.FeedFailed();
            metrics?.SourceError(source.Slug, "feed");
            var interval = schedule.AfterError(endpoint.ConsecutiveErrors + 1, read.RetryAfter);
            log.LogWarning("{Kind} {Url} of source {SourceId} failed ({Errors} in a row; next try in {Interval}): {Message}",
                endpoint.Kind, endpoint.Url, source.Id, endpoint.ConsecutiveErrors + 1, WholeSeconds(interval), error);
            // Stage "feed" covers every endpoint a source is polled through; the URL tells which.
            await store.RecordProblemAsync(new FetchProblem(source.Id, endpoint.Url.AbsoluteUri, "feed", error, now), cancellationToken);
            await endpoints.RecordPollAsync(source.Id, endpoint.Url, new EndpointPoll(now, endpoint.Interval, now + interval, error), cancellationToken);
            if (endpoint.ConsecutiveErrors + 1 == options.Value.FailingAfterErrors)
            {
                log.LogWarning("{Kind} {Url} of source {SourceId} is now failing ({Errors} errors in a row); it is still polled, next in {Interval}",
                    endpoint.Kind, endpoint.Url, source.Id, endpoint.ConsecutiveErrors + 1, WholeSeconds(interval));
            }

            return;
        }

        var items = read.Items
            .Where(i => i.ArticleUrl is not null)
            .OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue)
            .Take(options.Value.MaxItemsPerFeed)
            .DistinctBy(i => i.ArticleUrl!.AbsoluteUri);
        // A fetch job per item, in one transaction; items never fetched before count as new for the schedule.
        var fetches = ArticleProcessor.JobsOf(source, items, fetchOptions.Value.MinDelayPerHost, endpoint.Url.IdnHost);
        var fresh = 0;
        foreach (var job in fetches)
            if (await store.GetValidatorsAsync(job.Key, cancellationToken) is null) fresh++;
        await jobs.EnqueueAsync(fetches, cancellationToken);

        // Only now, its items durably enqueued, does the endpoint's response count as read: a stop before this point
        // leaves the old validators, so the next poll gets the whole response again.
        if (read.Validators is { } validators)
            await store.SaveValidatorsAsync(endpoint.Url.AbsoluteUri, validators, cancellationToken);

        var next = schedule.AfterSuccess(endpoint.Interval, fresh);
        await endpoints.RecordPollAsync(source.Id, endpoint.Url, new EndpointPoll(now, next, time.GetUtcNow() + next, null), cancellationToken);
        await store.RecordSourceSuccessAsync(source.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>An interval as the log shows it: to the second (the schedule's jitter is in its fractions).</summary>
    private static TimeSpan WholeSeconds(TimeSpan interval) => TimeSpan.FromSeconds(Math.Round(interval.TotalSeconds));
}
