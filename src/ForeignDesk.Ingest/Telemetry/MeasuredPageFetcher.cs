using System.Diagnostics;
using ForeignDesk.Ingest.Fetch;

namespace ForeignDesk.Ingest.Telemetry;

/// <summary>Times every fetch (feeds, sitemaps, articles) of the fetcher it wraps.</summary>
internal sealed class MeasuredPageFetcher(IPageFetcher inner, IngestMetrics metrics) : IPageFetcher
{
    public async Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await inner.FetchAsync(request, cancellationToken);
        metrics.Fetched(IngestMetrics.Since(started), outcome.Status);
        return outcome;
    }
}
