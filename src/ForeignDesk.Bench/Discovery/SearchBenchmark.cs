using System.Diagnostics;
using ForeignDesk.Core;

namespace ForeignDesk.Bench.Discovery;

/// <summary>Search latency over a filled index: every query run once to warm up, then timed one by one.</summary>
public static class SearchBenchmark
{
    /// <summary>Runs each query of <paramref name="queries"/> (relevance order, first page) and times it.</summary>
    /// <returns>The median and 99th-percentile latency in milliseconds.</returns>
    public static async Task<(double P50Ms, double P99Ms)> RunAsync(ISearchIndex index, IReadOnlyList<string> queries, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(queries.Count);
        foreach (var query in queries.Take(10)) await index.SearchAsync(new SearchQuery(query), ct);

        var timings = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await index.SearchAsync(new SearchQuery(queries[i], Sort: i % 4 == 3 ? SearchSort.Newest : SearchSort.Relevance), ct);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(timings);
        return (Percentile(timings, 0.50), Percentile(timings, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
