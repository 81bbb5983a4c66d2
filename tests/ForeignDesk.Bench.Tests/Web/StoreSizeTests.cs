using ForeignDesk.Bench.Web;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class StoreSizeTests
{
    [Theory]
    [InlineData("articles", "table", "articles", "articles table")]
    [InlineData("sqlite_autoindex_articles_1", "index", "articles", "articles indexes")]
    [InlineData("articles_search_facets", "index", "articles", "articles indexes")]
    [InlineData("article_search_data", "table", "article_search_data", "search index")]
    [InlineData("pages", "table", "pages", "raw pages")]
    [InlineData("story_articles_story", "index", "story_articles", "story_articles")]
    public void Part_TableOrIndex_FallsInItsGroup(string name, string type, string table, string expected)
    {
        Assert.Equal(expected, StoreSize.Part(name, type, table));
    }

    [Fact]
    public async Task MeasureAsync_MigratedStore_CountsTheFileAndItsParts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-size-", TimeProvider.System, ct);

        var size = await StoreSize.MeasureAsync(temporary.DatabasePath, ct);

        Assert.True(size.FileBytes > 0);
        Assert.Equal(size.DatabaseBytes + size.WalBytes, size.FileBytes);
        Assert.InRange(size.FreeBytes, 0, size.DatabaseBytes);
        if (size.Parts.Count > 0) Assert.Contains(size.Parts, p => p.Part == "articles table");
    }
}
