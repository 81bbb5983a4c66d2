namespace ForeignDesk.Discover.Trending;

/// <summary>
/// How much an article is trending now: its views, each hour's views worth half as much every
/// <see cref="ViewHalfLife"/>, plus how far its story has spread (outlets beyond the first), worth half as much
/// every <see cref="SpreadHalfLife"/> of the article's age.
/// </summary>
public sealed class TrendingScorer
{
    public TimeSpan ViewHalfLife { get; init; } = TimeSpan.FromHours(6);

    public TimeSpan SpreadHalfLife { get; init; } = TimeSpan.FromHours(12);

    /// <summary>What one more outlet carrying the story is worth, in views of the current hour.</summary>
    public double OutletWeight { get; init; } = 3;

    /// <param name="viewsPerHour">Views in the current hour (index 0), the hour before (1), and so on.</param>
    /// <param name="outlets">Distinct outlets with an article on the story, this one's included.</param>
    /// <param name="age">Time since the article was published.</param>
    public double Score(IReadOnlyList<double> viewsPerHour, int outlets, TimeSpan age)
    {
        var views = 0.0;
        for (var hour = 0; hour < viewsPerHour.Count; hour++)
            views += viewsPerHour[hour] * Decay(TimeSpan.FromHours(hour), ViewHalfLife);
        var spread = OutletWeight * Math.Max(0, outlets - 1) * Decay(age < TimeSpan.Zero ? TimeSpan.Zero : age, SpreadHalfLife);
        return views + spread;
    }

    private static double Decay(TimeSpan age, TimeSpan halfLife) => Math.Pow(0.5, age / halfLife);
}
