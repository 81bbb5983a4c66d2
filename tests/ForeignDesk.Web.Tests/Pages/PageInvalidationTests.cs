using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Web.Caching;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// Cached pages stay cached until what they show changes, and then every page that shows it changes: each test loads
/// pages with a plain client (no catching up), shows they come from the cache, changes the store, and shows the
/// pages change once the site has read the store's change feed.
/// </summary>
public sealed class PageInvalidationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await SeededSite.StartAsync(Ct);

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private string BudgetPath => _site.BudgetPath;

    [Fact]
    public async Task NewArticle_ReachesHomeDayCategorySourceAndSearchPages()
    {
        string[] paths = ["/", "/date/2026-11-29", "/category/news-politics", $"/source/{_site.Seed.Diario.Slug}", "/search?q=vivienda"];
        foreach (var path in paths) await CachedAsync(path);

        var id = await NewsSeed.SaveAsync(_site.Server.Store, _site.Seed.Diario, "https://diario.example/politica/nuevo",
            NewsSeed.Article("Nueva ley de vivienda", null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null),
            new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero), estimated: false, SiteServer.Now, Ct);
        await _site.Server.Store.MarkAwaitingEngineAsync(id, Ct);
        foreach (var path in paths) Assert.DoesNotContain("Nueva ley de vivienda", await TextAsync(path));

        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        foreach (var path in paths) Assert.Contains("Nueva ley de vivienda", await TextAsync(path));
    }

    [Fact]
    public async Task NewArticle_ReachesTheHomePageByItself_WithinSeconds()
    {
        await CachedAsync("/");
        var id = await NewsSeed.SaveAsync(_site.Server.Store, _site.Seed.Diario, "https://diario.example/politica/solo",
            NewsSeed.Article("Llega sin ayuda", null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null),
            new DateTimeOffset(2026, 11, 29, 11, 30, 0, TimeSpan.Zero), estimated: false, SiteServer.Now, Ct);
        await _site.Server.Store.MarkAwaitingEngineAsync(id, Ct);

        // The background services alone: the change feed is read every second, the lists recomputed after it.
        var shown = false;
        for (var i = 0; i < 100 && !shown; i++)
        {
            shown = (await TextAsync("/")).Contains("Llega sin ayuda", StringComparison.Ordinal);
            if (!shown) await Task.Delay(100, Ct);
        }
        Assert.True(shown, "the new article did not reach the cached home page within 10 s");
    }

    [Fact]
    public async Task Retranslation_ReachesTheArticlePageAndTheListsThatShowIt()
    {
        await CachedAsync(BudgetPath);
        await CachedAsync($"/source/{_site.Seed.Diario.Slug}");

        await _site.Server.Store.SaveTranslationAsync(_site.Seed.Budget, new TranslatedArticle("Government passes the budget",
            "Ministers approve the accounts.", [new Paragraph("p", "The Government passed the budget.", "The Government passed the budget.")],
            null, "apertium", "es→en", 0.01), SiteServer.Now, Ct);
        Assert.Contains("approved", await TextAsync(BudgetPath));

        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        // The title changed, so did the slug: the old address leads to the new page.
        using var moved = await _site.Plain.GetAsync(BudgetPath, Ct);
        Assert.EndsWith("/government-passes-the-budget", moved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("The Government passed the budget.", await moved.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Government passes the budget", await TextAsync($"/source/{_site.Seed.Diario.Slug}"));
    }

    [Fact]
    public async Task UpdatedOriginal_ReachesTheArticlePage()
    {
        var path = $"/article/{_site.Seed.Basque}/gobernuak-aurrekontua-onartu-du";
        await CachedAsync(path);
        var source = _site.Seed.Berria;
        var url = "https://berria.example/albisteak/1";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", "<html>2</html>"u8.ToArray(), SiteServer.Now);
        await _site.Server.Store.SaveArticleAsync(new ArticleDraft(source.Id, url, "eu",
            NewsSeed.Article("Gobernuak aurrekontua onartu du", null, null,
                [new Paragraph("p", "Testu eguneratua.", "Testu eguneratua.")], null, null, null),
            new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), true, source.Category, "second-version", page), SiteServer.Now, Ct);
        Assert.DoesNotContain("Testu eguneratua.", await TextAsync(path));

        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        Assert.Contains("Testu eguneratua.", await TextAsync(path));
    }

    [Fact]
    public async Task Reclassified_LeavesOneCategoryPageAndReachesTheOther()
    {
        await CachedAsync("/category/news-politics");
        await CachedAsync("/category/news-world");

        await ((SqliteArticleStore)_site.Server.Store).SetCategoryAsync(_site.Seed.Debate, "News/World", Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        Assert.DoesNotContain("Parliament debates the budget", await TextAsync("/category/news-politics"));
        Assert.Contains("Parliament debates the budget", await TextAsync("/category/news-world"));
    }

    [Fact]
    public async Task MergedStories_ReachTheStoryAndArticlePages()
    {
        var store = (SqliteArticleStore)_site.Server.Store;
        foreach (var id in new[] { _site.Seed.Debate, _site.Seed.Budget })
            await store.SavePlacementAsync(new StoryPlacement(id, id, (await store.GetArticleAsync(id, Ct))!.PublishedUtc, null, "{}"), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
        await CachedAsync($"/story/{_site.Seed.Debate}");
        await CachedAsync(BudgetPath);
        Assert.DoesNotContain("The whole story", await TextAsync(BudgetPath));

        await store.MergeStoriesAsync(new StoryMerge(_site.Seed.Debate, [_site.Seed.Budget], SiteServer.Now, []), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        Assert.Contains("Government approves the budget", await TextAsync($"/story/{_site.Seed.Debate}"));
        Assert.Contains("The whole story: 2 articles", await TextAsync(BudgetPath));
    }

    [Fact]
    public async Task Retranslation_ReachesTheStoryPageThatListsIt()
    {
        var store = (SqliteArticleStore)_site.Server.Store;
        await store.SavePlacementAsync(new StoryPlacement(_site.Seed.Budget, _site.Seed.Budget, (await store.GetArticleAsync(_site.Seed.Budget, Ct))!.PublishedUtc, null, "{}"), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
        await CachedAsync($"/story/{_site.Seed.Budget}");

        await store.SaveTranslationAsync(_site.Seed.Budget, new TranslatedArticle("Cabinet passes the budget", null,
            [new Paragraph("p", "Passed.", "Passed.")], null, "apertium", "es→en", 0.01), SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        Assert.Contains("Cabinet passes the budget", await TextAsync($"/story/{_site.Seed.Budget}"));
    }

    [Fact]
    public async Task WithdrawnSource_ItsArticlesLeaveEveryPage()
    {
        await CachedAsync($"/article/{_site.Seed.Basque}/gobernuak-aurrekontua-onartu-du");
        await CachedAsync("/");

        Assert.True(await _site.Server.Store.RemoveSourceAsync(_site.Seed.Berria.Slug, Ct));
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        using var gone = await _site.Plain.GetAsync($"/article/{_site.Seed.Basque}/gobernuak-aurrekontua-onartu-du", Ct);
        Assert.Equal(404, (int)gone.StatusCode);
        Assert.DoesNotContain("Gobernuak aurrekontua", await TextAsync("/"));
    }

    private Task CachedAsync(string path) => _site.AssertCachedAsync(path, Ct);

    private async Task<string> TextAsync(string path) => (await HtmlPage.GetAsync(_site.Plain, path, Ct)).Html;
}
