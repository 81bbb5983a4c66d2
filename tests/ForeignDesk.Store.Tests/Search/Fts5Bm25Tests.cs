using ForeignDesk.Store.Sqlite;
using Xunit;

namespace ForeignDesk.Store.Tests.Search;

public sealed class Fts5Bm25Tests
{
    [Theory]
    [InlineData(10_000, 10_003)] // articles stored between counting the sample and counting a word's hits
    [InlineData(10, 11)]
    [InlineData(0, 3)]
    [InlineData(0, 0)]
    [InlineData(5, -1)]
    [InlineData(-2, 0)]
    public void Idf_CountsThatDisagree_IsFiniteAndPositive(long rows, long hits)
    {
        var idf = Fts5Bm25.Idf(rows, hits);

        Assert.True(double.IsFinite(idf), $"IDF {idf} for {hits} hits in {rows} rows");
        Assert.True(idf > 0);
    }

    [Fact]
    public void Idf_MoreHitsThanRows_WeighsAsAWordInEveryRow()
    {
        Assert.Equal(Fts5Bm25.Idf(100, 100), Fts5Bm25.Idf(100, 250));
        Assert.Equal(Fts5Bm25.MinimumIdf, Fts5Bm25.Idf(100, 250));
    }

    [Fact]
    public void Idf_RarerWord_WeighsMore()
    {
        Assert.Equal(Math.Log((1000 - 3 + 0.5) / (3 + 0.5)), Fts5Bm25.Idf(1000, 3), 12);
        Assert.True(Fts5Bm25.Idf(1000, 3) > Fts5Bm25.Idf(1000, 30));
    }
}
