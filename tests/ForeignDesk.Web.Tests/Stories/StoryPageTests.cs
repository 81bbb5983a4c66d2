using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Stories;

/// <summary>The story page and story lines over a real Kestrel site and SQLite file.</summary>
public sealed class StoryPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoryPage_ListsEveryOutletInTimeOrder_HomeShowsOneLine_ArticleLinksToStory()
    {
        await using var server = await SiteServer.StartAsync(Ct);
        var store = (SqliteArticleStore)server.Store;
        var now = SiteServer.Now;
        var german = await SaveAsync(store, "Tagesblatt", "de", "Erdbeben der Stärke 7,1 erschüttert Japan", null, now.AddHours(-1));
        var spanish = await SaveAsync(store, "Diario Uno", "es", "Un terremoto de magnitud 7,1 sacude Japón", "An earthquake of magnitude 7.1 shakes Japan", now.AddHours(-3));
        var english = await SaveAsync(store, "Daily Two", "en", "Magnitude 7.1 quake strikes Japan", "Magnitude 7.1 quake strikes Japan", now.AddHours(-2));
        foreach (var id in new[] { german, spanish, english })
            await store.SavePlacementAsync(new StoryPlacement(id, spanish, (await store.GetArticleAsync(id, Ct))!.PublishedUtc, null, "{}"), Ct);

        var page = await HtmlPage.GetAsync(server.Client, $"/story/{spanish}", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("An earthquake of magnitude 7.1 shakes Japan", page.One("h1").TextContent);
        Assert.Equal(["Diario Uno", "Daily Two", "Tagesblatt"],
            page.Document.QuerySelectorAll("ol.coverage li a.outlet").Select(a => a.TextContent));
        Assert.Equal(["Spanish", "English", "German"],
            page.Document.QuerySelectorAll("ol.coverage li .language").Select(a => a.TextContent));

        var home = await HtmlPage.GetAsync(server.Client, "/", Ct);
        var line = Assert.Single(home.Document.QuerySelectorAll("ol.list")[0].QuerySelectorAll("li"));
        Assert.Equal($"/story/{spanish}", line.QuerySelector("a.title")!.GetAttribute("href"));
        Assert.Equal("3 outlets · German, English, Spanish", line.QuerySelector(".reach")!.TextContent);

        var article = await HtmlPage.GetAsync(server.Client, $"/article/{english}/magnitude-7-1-quake-strikes-japan", Ct);
        Assert.Equal($"/story/{spanish}", article.One(".story-link a").GetAttribute("href"));

        var missing = await HtmlPage.GetAsync(server.Client, "/story/987654", Ct);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task StoryPage_MergedStory_OldAddressRedirectsPermanentlyToSurvivor()
    {
        await using var server = await SiteServer.StartAsync(Ct);
        var store = (SqliteArticleStore)server.Store;
        var now = SiteServer.Now;
        var older = await SaveAsync(store, "Tagesblatt", "de", "Waldbrand bei Marseille", null, now.AddHours(-3));
        var newer = await SaveAsync(store, "Daily Two", "en", "Marignane airport closes", "Marignane airport closes", now.AddHours(-2));
        foreach (var id in new[] { older, newer })
            await store.SavePlacementAsync(new StoryPlacement(id, id, (await store.GetArticleAsync(id, Ct))!.PublishedUtc, null, "{}"), Ct);
        await store.MergeStoriesAsync(new StoryMerge(older, [newer], now, []), Ct);
        using var client = CatchingUpHandler.Client(server.Services, server.Address, allowAutoRedirect: false);

        using var response = await client.GetAsync($"/story/{newer}", Ct);

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal($"/story/{older}", response.Headers.Location?.OriginalString);
        var page = await HtmlPage.GetAsync(server.Client, $"/story/{newer}", Ct);
        Assert.Equal(200, page.Status);
        Assert.Equal(["Tagesblatt", "Daily Two"], page.Document.QuerySelectorAll("ol.coverage li a.outlet").Select(a => a.TextContent));
    }

    private static async Task<long> SaveAsync(SqliteArticleStore store, string outlet, string language, string title, string? english, DateTimeOffset published)
    {
        var slug = Slug.From(outlet);
        var source = await store.AddSourceAsync(new SourceDraft(outlet, new Uri($"https://{slug}.example/"), [], language, "News/World", "UTC"), Ct);
        var url = $"https://{slug}.example/quake";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), published);
        var original = new ExtractedArticle(title, null, [new Paragraph("p", title, title)], null, published, null, language, null, null, null, []);
        var saved = await store.SaveArticleAsync(new ArticleDraft(source.Id, url, language, original, published, false, "News/World", url, page), published, Ct);
        if (english is null) await store.MarkAwaitingEngineAsync(saved.ArticleId, Ct);
        else await store.SaveTranslationAsync(saved.ArticleId, new TranslatedArticle(english, null, [new Paragraph("p", english, english)], null, "apertium", language + "→en", 0), published, Ct);
        return saved.ArticleId;
    }
}
