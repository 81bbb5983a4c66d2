using System.Globalization;

namespace ForeignDesk.Bench.Latency;

/// <summary>One rate of a <c>bench latency --sweep</c>: its processing latency, throughput and audit.</summary>
internal sealed record LatencyStep(int PerDay, double ProcessingP50, double ProcessingP95, double ServedShare, double PublishedPerMinute, int Lost, int Duplicated)
{
    /// <summary>How much above the lowest rate's p95 a step's p95 must be to count as grown: half as much again, and at least this.</summary>
    private static readonly double GrowthFloorSeconds = 0.5;

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"step {PerDay} articles/day ({PublishedPerMinute:0} a minute): processing p50 {ProcessingP50:0.00} s, p95 {ProcessingP95:0.00} s; {ServedShare:P0} of them served; lost {Lost}, duplicated {Duplicated}");

    /// <summary>
    /// The lowest rate at which processing latency has grown: its p95 is more than 1.5 times (and more than half a
    /// second above) the lowest rate's, or the site serves less than 90 % of what is published, or articles are lost.
    /// Null when no step grew.
    /// </summary>
    public static LatencyStep? Knee(IReadOnlyList<LatencyStep> steps)
    {
        if (steps.Count == 0) return null;
        var ordered = steps.OrderBy(s => s.PerDay).ToList();
        var baseline = ordered[0].ProcessingP95;
        return ordered.FirstOrDefault(s =>
            s.ProcessingP95 > Math.Max(baseline * 1.5, baseline + GrowthFloorSeconds)
            || double.IsNaN(s.ProcessingP95)
            || s.ServedShare < 0.9
            || s.Lost > 0);
    }
}
