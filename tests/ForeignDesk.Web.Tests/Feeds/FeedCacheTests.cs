using System.Net.Http.Headers;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>Feeds are cached like pages: validators for readers, and dropped when an entry changes.</summary>
public sealed class FeedCacheTests : IAsyncLifetime
{
    private readonly FeedSiteFixture site = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => site.InitializeAsync();

    public ValueTask DisposeAsync() => site.DisposeAsync();

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    [InlineData("/feed.json")]
    [InlineData("/source/el-diario-de-prueba/feed.json")]
    [InlineData("/search/feed.xml?q=budget")]
    public async Task Feeds_AreServedFromTheCache(string path) => await site.Site.AssertCachedAsync(path, Ct);

    [Fact]
    public async Task Feed_AnswersNotModified_ThenShowsANewTranslation()
    {
        using var first = await site.Server.Client.GetAsync("/category/news-politics/feed.json", Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("Parliament debates the budget", await first.Content.ReadAsStringAsync(Ct));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/category/news-politics/feed.json");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await site.Server.Client.SendAsync(again, Ct);
        Assert.Equal(304, (int)notModified.StatusCode);

        await site.Server.Store.SaveTranslationAsync(site.Seed.Debate, new TranslatedArticle("MPs debate the budget", null,
            [new Paragraph("p", "MPs debate the Government's budget.", "MPs debate the Government's budget.")], null, "apertium", "es→en", 0),
            SiteServer.Now, Ct);

        using var changed = await site.Server.Client.GetAsync("/category/news-politics/feed.json", Ct);
        var body = await changed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("MPs debate the budget", body);
        Assert.Contains("MPs debate the Government's budget.", body);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task FeedOfAMergedStory_RedirectsToTheSurvivorsFeed()
    {
        var stories = (IStoryStore)site.Server.Store;
        var script = await site.Server.Store.GetArticleAsync(site.Seed.Script, Ct);
        await stories.SavePlacementAsync(new StoryPlacement(script!.Id, script.Id, script.PublishedUtc, null, "{}"), Ct);
        await stories.MergeStoriesAsync(new StoryMerge(site.Seed.Debate, [script.Id], SiteServer.Now, []), Ct);
        using var client = CatchingUpHandler.Client(site.Server.Services, site.Server.Address, allowAutoRedirect: false);

        using var response = await client.GetAsync($"/story/{script.Id}/atom.xml", Ct);

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal($"/story/{site.Seed.Debate}/atom.xml", response.Headers.Location?.OriginalString);
    }
}
