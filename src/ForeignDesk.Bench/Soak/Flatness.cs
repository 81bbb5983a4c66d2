namespace ForeignDesk.Bench.Soak;

/// <summary>
/// Whether a series of readings has levelled off: its slope over the last third of the run (least squares, per
/// minute), carried over the whole run's length, stays under a tolerance (a share of the level, or a fixed floor for
/// small counts). Growth that only fills caches early (a steep first third) passes; a leak, which grows as fast at the
/// end as at the start, does not.
/// </summary>
internal sealed record Flatness(string Name, double FirstThirdSlope, double LastThirdSlope, double Allowed)
{
    public bool Flat => LastThirdSlope <= Allowed;

    /// <param name="values">(minutes into the run, value) pairs, in order.</param>
    /// <param name="share">The growth over the run's length allowed, as a share of the last third's mean level.</param>
    /// <param name="floor">The growth over the run's length always allowed (a few descriptors or threads come and go).</param>
    public static Flatness Of(string name, IReadOnlyList<(double Minutes, double Value)> values, double share, double floor)
    {
        if (values.Count < 3) return new Flatness(name, 0, 0, double.PositiveInfinity);
        var third = Math.Max(2, values.Count / 3);
        var first = values.Take(third).ToList();
        var last = values.Skip(values.Count - third).ToList();
        var length = Math.Max(values[^1].Minutes - values[0].Minutes, 1e-9);
        var allowedGrowth = Math.Max(share * last.Average(v => v.Value), floor);
        return new Flatness(name, Slope(first), Slope(last), allowedGrowth / length);
    }

    /// <summary>The least-squares slope of value over minutes; zero when the minutes do not vary.</summary>
    public static double Slope(IReadOnlyList<(double Minutes, double Value)> values)
    {
        var meanX = values.Average(v => v.Minutes);
        var meanY = values.Average(v => v.Value);
        var sxx = values.Sum(v => (v.Minutes - meanX) * (v.Minutes - meanX));
        return sxx == 0 ? 0 : values.Sum(v => (v.Minutes - meanX) * (v.Value - meanY)) / sxx;
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Name}: slope {FirstThirdSlope:0.###}/min in the first third, {LastThirdSlope:0.###}/min in the last (allowed {Allowed:0.###}/min): {(Flat ? "flat" : "GROWING")}");
}
