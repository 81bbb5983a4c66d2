using ForeignDesk.Discover.Trending;
using Xunit;

namespace ForeignDesk.Discover.Tests.Trending;

public sealed class TrendingScorerTests
{
    private readonly TrendingScorer _scorer = new();

    [Fact]
    public void Score_SameViewsLongerAgo_ScoresLower()
    {
        var now = _scorer.Score([10], 1, TimeSpan.FromHours(1));
        var earlier = _scorer.Score([0, 0, 0, 0, 0, 0, 10], 1, TimeSpan.FromHours(7));
        Assert.Equal(10, now, 6);
        Assert.Equal(5, earlier, 6);
    }

    [Fact]
    public void Score_MoreOutlets_ScoresHigherAndDecaysWithAge()
    {
        var one = _scorer.Score([], 1, TimeSpan.Zero);
        var four = _scorer.Score([], 4, TimeSpan.Zero);
        var fourOld = _scorer.Score([], 4, TimeSpan.FromHours(12));
        Assert.Equal(0, one);
        Assert.Equal(3 * _scorer.OutletWeight, four, 6);
        Assert.Equal(four / 2, fourOld, 6);
    }
}
