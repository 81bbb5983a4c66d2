using System.Diagnostics;
using System.Diagnostics.Metrics;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;

namespace ForeignDesk.Ingest.Telemetry;

/// <summary>
/// The pipeline's measurements: how long fetches, extractions, article translations and jobs take, the jobs in each
/// state, the errors of each source, and each engine's calls, characters and failures. Nothing is exported unless metrics are switched on.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "ForeignDesk.Ingest";

    private readonly Histogram<double> _fetch;
    private readonly Histogram<double> _extract;
    private readonly Histogram<double> _translate;
    private readonly Counter<long> _sourceErrors;
    private readonly Counter<long> _engineCalls;
    private readonly Counter<long> _engineCharacters;
    private readonly Counter<long> _engineFailures;
    private readonly Histogram<double> _jobs;
    private JobCounts? _jobCounts;

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _fetch = meter.CreateHistogram<double>("foreigndesk.fetch.duration", "s", "Time to fetch a feed, sitemap or article page, by outcome.");
        _extract = meter.CreateHistogram<double>("foreigndesk.extract.duration", "s", "Time to extract an article from a fetched page, by outcome.");
        _translate = meter.CreateHistogram<double>("foreigndesk.translate.duration", "s", "Time to translate an article, by engine and outcome.");
        _sourceErrors = meter.CreateCounter<long>("foreigndesk.source.errors", "{error}", "Problems recorded on a source, by source slug and stage.");
        _engineCalls = meter.CreateCounter<long>("foreigndesk.engine.calls", "{call}", "Requests sent to a translation engine.");
        _engineCharacters = meter.CreateCounter<long>("foreigndesk.engine.characters", "{character}", "Characters sent to a translation engine.");
        _engineFailures = meter.CreateCounter<long>("foreigndesk.engine.failures", "{call}", "Engine requests that failed.");
        _jobs = meter.CreateHistogram<double>("foreigndesk.job.duration", "s", "Time to run a job, by kind and outcome (completed, failed, dead).");
        meter.CreateObservableGauge("foreigndesk.jobs", ObserveJobs, "{job}", "Jobs in the store's queue by state: queued, running, failed (waiting to be retried), dead.");
    }

    public void Fetched(TimeSpan elapsed, FetchStatus status) =>
        _fetch.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", OutcomeName(status)));

    public void Extracted(TimeSpan elapsed, bool found) =>
        _extract.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", found ? "article" : "none"));

    public void Translated(TimeSpan elapsed, string engine, bool succeeded) =>
        _translate.Record(elapsed.TotalSeconds, new("engine", engine), new("outcome", succeeded ? "ok" : "failed"));

    /// <param name="stage">Where it failed: feed, article, extract or translate.</param>
    public void SourceError(string source, string stage) => _sourceErrors.Add(1, new("source", source), new("stage", stage));

    public void EngineCalled(string engine, int characters, bool succeeded)
    {
        var tag = new KeyValuePair<string, object?>("engine", engine);
        _engineCalls.Add(1, tag);
        _engineCharacters.Add(characters, tag);
        if (!succeeded) _engineFailures.Add(1, tag);
    }

    /// <summary>The queue's latest counts, which the gauge reports until the next ones.</summary>
    public void JobsCounted(JobCounts counts) => Volatile.Write(ref _jobCounts, counts);

    private IEnumerable<Measurement<long>> ObserveJobs()
    {
        if (Volatile.Read(ref _jobCounts) is not { } counts) yield break;
        yield return new(counts.Queued, new KeyValuePair<string, object?>("state", "queued"));
        yield return new(counts.Running, new KeyValuePair<string, object?>("state", "running"));
        yield return new(counts.Failed, new KeyValuePair<string, object?>("state", "failed"));
        yield return new(counts.Dead, new KeyValuePair<string, object?>("state", "dead"));
    }

    public void JobRan(string kind, TimeSpan elapsed, string outcome) =>
        _jobs.Record(elapsed.TotalSeconds, new("kind", kind), new("outcome", outcome));

    /// <summary>Elapsed time since <paramref name="started"/>, a <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public static TimeSpan Since(long started) => Stopwatch.GetElapsedTime(started);

    private static string OutcomeName(FetchStatus status) => status switch
    {
        FetchStatus.Ok => "ok",
        FetchStatus.NotModified => "not_modified",
        FetchStatus.HttpError => "http_error",
        FetchStatus.RateLimited => "rate_limited",
        FetchStatus.Refused => "refused",
        FetchStatus.RobotsDisallowed => "robots_disallowed",
        FetchStatus.TooLarge => "too_large",
        FetchStatus.Timeout => "timeout",
        FetchStatus.NetworkError => "network_error",
        _ => status.ToString().ToLowerInvariant(),
    };
}
