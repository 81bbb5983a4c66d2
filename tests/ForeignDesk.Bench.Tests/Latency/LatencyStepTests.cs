using ForeignDesk.Bench.Latency;
using Xunit;

namespace ForeignDesk.Bench.Tests.Latency;

public sealed class LatencyStepTests
{
    private static LatencyStep Step(int perDay, double p95, double served = 0.98, int lost = 0) =>
        new(perDay, p95 / 2, p95, served, perDay / 1440.0, lost, 0);

    [Fact]
    public void Knee_LatencyGrowsAtOneRate_IsThatRate()
    {
        var knee = LatencyStep.Knee([Step(1_000_000, 0.9), Step(250_000, 0.8), Step(500_000, 0.85), Step(2_000_000, 2.1), Step(4_000_000, 9)]);

        Assert.Equal(2_000_000, knee?.PerDay);
    }

    [Fact]
    public void Knee_SmallRiseUnderHalfASecond_IsNotGrowth()
    {
        Assert.Null(LatencyStep.Knee([Step(250_000, 0.2), Step(500_000, 0.35), Step(1_000_000, 0.6)]));
    }

    [Fact]
    public void Knee_SiteFallsBehindOrLosesArticles_CountsAsGrowth()
    {
        Assert.Equal(1_000_000, LatencyStep.Knee([Step(500_000, 0.8), Step(1_000_000, 0.9, served: 0.6)])?.PerDay);
        Assert.Equal(2_000_000, LatencyStep.Knee([Step(500_000, 0.8), Step(2_000_000, 0.9, lost: 3)])?.PerDay);
    }
}
