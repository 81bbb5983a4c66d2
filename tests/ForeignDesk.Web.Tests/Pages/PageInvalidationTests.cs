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

    private SiteServer _server = null!;
    private NewsSeed _seed = null!;
    private HttpClient _plain = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await SiteServer.StartAsync(Ct);
        _seed = await NewsSeed.WriteAsync(_server.Store, SiteServer.Now, "https://img.example/a.jpg", Ct);
        await SiteCatchUp.RunAsync(_server.Services, Ct);
        _plain = new HttpClient { BaseAddress = _server.Address };
    }

    public async ValueTask DisposeAsync()
    {
        _plain.Dispose();
        await _server.DisposeAsync();
    }

    private string BudgetPath => $"/article/{_seed.Budget}/government-approves-the-budget";

    [Fact]
    public async Task NewArticle_ReachesHomeDayCategorySourceAndSearchPages()
    {
        string[] paths = ["/", "/date/2026-11-29", "/category/news-politics", $"/source/{_seed.Diario.Slug}", "/search?q=vivienda"];
        foreach (var path in paths) await CachedAsync(path);

        var id = await NewsSeed.SaveAsync(_server.Store, _seed.Diario, "https://diario.example/politica/nuevo",
            NewsSeed.Article("Nueva ley de vivienda", null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null),
            new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero), estimated: false, SiteServer.Now, Ct);
        await _server.Store.MarkAwaitingEngineAsync(id, Ct);
        foreach (var path in paths) Assert.DoesNotContain("Nueva ley de vivienda", await TextAsync(path));

        await SiteCatchUp.RunAsync(_server.Services, Ct);

        foreach (var path in paths) Assert.Contains("Nueva ley de vivienda", await TextAsync(path));
    }

    [Fact]
    public async Task NewArticle_ReachesTheHomePageByItself_WithinSeconds()
    {
        await CachedAsync("/");
        var id = await NewsSeed.SaveAsync(_server.Store, _seed.Diario, "https://diario.example/politica/solo",
            NewsSeed.Article("Llega sin ayuda", null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null),
            new DateTimeOffset(2026, 11, 29, 11, 30, 0, TimeSpan.Zero), estimated: false, SiteServer.Now, Ct);
        await _server.Store.MarkAwaitingEngineAsync(id, Ct);

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
        await CachedAsync($"/source/{_seed.Diario.Slug}");

        await _server.Store.SaveTranslationAsync(_seed.Budget, new TranslatedArticle("Government passes the budget",
            "Ministers approve the accounts.", [new Paragraph("p", "The Government passed the budget.", "The Government passed the budget.")],
            null, "apertium", "es→en", 0.01), SiteServer.Now, Ct);
        Assert.Contains("approved", await TextAsync(BudgetPath));

        await SiteCatchUp.RunAsync(_server.Services, Ct);

        // The title changed, so did the slug: the old address leads to the new page.
        using var moved = await _plain.GetAsync(BudgetPath, Ct);
        Assert.EndsWith("/government-passes-the-budget", moved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("The Government passed the budget.", await moved.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Government passes the budget", await TextAsync($"/source/{_seed.Diario.Slug}"));
    }

    [Fact]
    public async Task UpdatedOriginal_ReachesTheArticlePage()
    {
        var path = $"/article/{_seed.Basque}/gobernuak-aurrekontua-onartu-du";
        await CachedAsync(path);
        var source = _seed.Berria;
        var url = "https://berria.example/albisteak/1";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", "<html>2</html>"u8.ToArray(), SiteServer.Now);
        await _server.Store.SaveArticleAsync(new ArticleDraft(source.Id, url, "eu",
            NewsSeed.Article("Gobernuak aurrekontua onartu du", null, null,
                [new Paragraph("p", "Testu eguneratua.", "Testu eguneratua.")], null, null, null),
            new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), true, source.Category, "second-version", page), SiteServer.Now, Ct);
        Assert.DoesNotContain("Testu eguneratua.", await TextAsync(path));

        await SiteCatchUp.RunAsync(_server.Services, Ct);

        Assert.Contains("Testu eguneratua.", await TextAsync(path));
    }

    [Fact]
    public async Task Reclassified_LeavesOneCategoryPageAndReachesTheOther()
    {
        await CachedAsync("/category/news-politics");
        await CachedAsync("/category/news-world");

        await ((SqliteArticleStore)_server.Store).SetCategoryAsync(_seed.Debate, "News/World", Ct);
        await SiteCatchUp.RunAsync(_server.Services, Ct);

        Assert.DoesNotContain("Parliament debates the budget", await TextAsync("/category/news-politics"));
        Assert.Contains("Parliament debates the budget", await TextAsync("/category/news-world"));
    }

    [Fact]
    public async Task MergedStories_ReachTheStoryAndArticlePages()
    {
        var store = (SqliteArticleStore)_server.Store;
        foreach (var id in new[] { _seed.Debate, _seed.Budget })
            await store.SavePlacementAsync(new StoryPlacement(id, id, (await store.GetArticleAsync(id, Ct))!.PublishedUtc, null, "{}"), Ct);
        await SiteCatchUp.RunAsync(_server.Services, Ct);
        await CachedAsync($"/story/{_seed.Debate}");
        await CachedAsync(BudgetPath);
        Assert.DoesNotContain("The whole story", await TextAsync(BudgetPath));

        await store.MergeStoriesAsync(new StoryMerge(_seed.Debate, [_seed.Budget], SiteServer.Now, []), Ct);
        await SiteCatchUp.RunAsync(_server.Services, Ct);

        Assert.Contains("Government approves the budget", await TextAsync($"/story/{_seed.Debate}"));
        Assert.Contains("The whole story: 2 articles", await TextAsync(BudgetPath));
    }

    [Fact]
    public async Task Retranslation_ReachesTheStoryPageThatListsIt()
    {
        var store = (SqliteArticleStore)_server.Store;
        await store.SavePlacementAsync(new StoryPlacement(_seed.Budget, _seed.Budget, (await store.GetArticleAsync(_seed.Budget, Ct))!.PublishedUtc, null, "{}"), Ct);
        await SiteCatchUp.RunAsync(_server.Services, Ct);
        await CachedAsync($"/story/{_seed.Budget}");

        await store.SaveTranslationAsync(_seed.Budget, new TranslatedArticle("Cabinet passes the budget", null,
            [new Paragraph("p", "Passed.", "Passed.")], null, "apertium", "es→en", 0.01), SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(_server.Services, Ct);

        Assert.Contains("Cabinet passes the budget", await TextAsync($"/story/{_seed.Budget}"));
    }

    [Fact]
    public async Task WithdrawnSource_ItsArticlesLeaveEveryPage()
    {
        await CachedAsync($"/article/{_seed.Basque}/gobernuak-aurrekontua-onartu-du");
        await CachedAsync("/");

        Assert.True(await _server.Store.RemoveSourceAsync(_seed.Berria.Slug, Ct));
        await SiteCatchUp.RunAsync(_server.Services, Ct);

        using var gone = await _plain.GetAsync($"/article/{_seed.Basque}/gobernuak-aurrekontua-onartu-du", Ct);
        Assert.Equal(404, (int)gone.StatusCode);
        Assert.DoesNotContain("Gobernuak aurrekontua", await TextAsync("/"));
    }

    /// <summary>Loads a page twice and shows that the second answer came from the cache (it carries an Age).</summary>
    private async Task CachedAsync(string path)
    {
        using (var first = await _plain.GetAsync(path, Ct)) Assert.Equal(200, (int)first.StatusCode);
        using var second = await _plain.GetAsync(path, Ct);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.NotNull(second.Headers.Age);
    }

    private async Task<string> TextAsync(string path) => (await HtmlPage.GetAsync(_plain, path, Ct)).Html;
}
