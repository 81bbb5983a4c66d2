using System.Globalization;
using ForeignDesk.Bench.Web;
using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class WebPagesTests
{
    [Fact]
    public async Task PickAsync_GeneratedStore_FeedAndSitemapTargetsHaveArticles()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-webpages-", TimeProvider.System, ct);
        var store = temporary.Store;
        await new WebStoreGenerator(store, new SqliteGeneratedStoreWriter(store), TimeProvider.System).GenerateAsync(400, 1, ct);
        // A small store has days without articles (a story's articles share a day): "now" is the day after the newest
        // article's, so that the day the bench picks ("yesterday") holds articles whatever the time of the run.
        var now = (await store.LatestAsync(1, ct))[0].PublishedUtc + TimeSpan.FromDays(1);

        var pages = await WebPages.PickAsync(store, store, await store.AllArticleIdsAsync(ct), 50, new SyntheticNews(23).EnglishWords, now, ct);

        var yesterday = DateOnly.FromDateTime((now - TimeSpan.FromDays(1)).UtcDateTime);
        Assert.Equal($"/sitemaps/{yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xml", pages.DaySitemap);
        Assert.NotEmpty(await store.OnDateRangeAsync(yesterday, 0, 1, ct));
        Assert.Equal(pages.Category + "/feed.xml", pages.CategoryFeed);
        var category = (await store.LatestAsync(1, ct))[0].Category;
        Assert.Equal("/category/" + Slug.From(category), pages.Category);
        Assert.NotEmpty((await store.InCategoryAsync(category, null, 1, ct)).Items);

        // The warm-up meets none of the measured random pages: those stay unrendered and their searches unrun.
        Assert.NotEmpty(pages.Warmup.Articles);
        Assert.Empty(pages.Warmup.Articles.Intersect(pages.Articles));
        Assert.Empty(pages.Warmup.ApiArticles.Intersect(pages.ApiArticles));
        Assert.Equal(500, pages.Warmup.Searches.Count);
        Assert.Empty(pages.Warmup.Searches.Intersect(pages.Searches));
        Assert.Empty(pages.Warmup.ApiSearches.Intersect(pages.ApiSearches));
        Assert.All(pages.Warmup.Articles, path => Assert.StartsWith("/article/", path));
    }
}
