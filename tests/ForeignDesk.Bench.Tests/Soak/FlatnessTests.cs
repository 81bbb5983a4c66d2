using ForeignDesk.Bench.Soak;
using Xunit;

namespace ForeignDesk.Bench.Tests.Soak;

public sealed class FlatnessTests
{
    private static List<(double, double)> Series(Func<double, double> value) =>
        Enumerable.Range(0, 180).Select(i => (i / 6.0, value(i / 6.0))).ToList();

    [Fact]
    public void Of_SteadyLeak_IsGrowing()
    {
        var trend = Flatness.Of("rss_mb", Series(m => 200 + 3 * m), share: 0.10, floor: 16);

        Assert.False(trend.Flat);
        Assert.Equal(3, trend.LastThirdSlope, precision: 6);
    }

    [Fact]
    public void Of_CacheThatFillsEarlyThenStays_IsFlat()
    {
        var trend = Flatness.Of("rss_mb", Series(m => m < 8 ? 150 + 10 * m : 230), share: 0.10, floor: 16);

        Assert.True(trend.Flat);
        Assert.True(trend.FirstThirdSlope > 5);
    }

    [Fact]
    public void Of_NoiseAroundALevel_IsFlat()
    {
        var random = new Random(3);
        var trend = Flatness.Of("fds", Series(_ => 340 + random.Next(-4, 5)), share: 0.05, floor: 8);

        Assert.True(trend.Flat);
    }

    [Fact]
    public void Of_ThreadsAddedEveryFewMinutes_IsGrowing()
    {
        var trend = Flatness.Of("threads", Series(m => 20 + Math.Floor(m / 3)), share: 0.05, floor: 4);

        Assert.False(trend.Flat);
    }

    [Fact]
    public void Slope_StraightLine_IsItsGradient()
    {
        Assert.Equal(2.5, Flatness.Slope([(0, 1), (1, 3.5), (2, 6), (3, 8.5)]), precision: 9);
        Assert.Equal(0, Flatness.Slope([(1, 4), (1, 9)]));
    }
}
