using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>Day, category, source and story pages show at most 50 articles, with links by key that stay right while articles arrive.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private SiteServer _server = null!;
    private Source _source = null!;
    private readonly List<long> _ids = [];

    public async ValueTask InitializeAsync()
    {
        _server = await SiteServer.StartAsync(Ct);
        _source = await _server.Store.AddSourceAsync(new SourceDraft("Diario Largo", new Uri("https://largo.example/"),
            [new Uri("https://largo.example/rss")], "es", "News/World", "UTC"), Ct);
        // 120 articles a minute apart on one day, all in one story: Artículo 000 is the oldest.
        for (var i = 0; i < 120; i++) _ids.Add(await SaveAsync(i));
        foreach (var id in _ids)
            await ((IStoryStore)_server.Store).SavePlacementAsync(
                new StoryPlacement(id, _ids[0], (await _server.Store.GetArticleAsync(id, Ct))!.PublishedUtc, null, "{}"), Ct);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<long> SaveAsync(int i)
    {
        var id = await NewsSeed.SaveAsync(_server.Store, _source, $"https://largo.example/{i:000}",
            NewsSeed.Article($"Artículo {i:000}", null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null),
            Noon.AddMinutes(i - 60), estimated: false, SiteServer.Now, Ct);
        await _server.Store.MarkAwaitingEngineAsync(id, Ct);
        return id;
    }

    [Theory]
    [InlineData("/date/2026-11-28")]
    [InlineData("/category/news-world")]
    [InlineData("/source/diario-largo")]
    public async Task NewestFirstList_FiftyAPage_OlderAndNewerLinksStayRightWhileArticlesArrive(string path)
    {
        var first = await HtmlPage.GetAsync(_server.Client, path, Ct);
        Assert.Equal(Titles(119, 70), ListedTitles(first));
        Assert.Null(first.Document.QuerySelector("a[rel=prev]"));
        var older = first.One("a[rel=next]").GetAttribute("href")!;

        // New articles arrive: the second page is still the 50 after the first page's last one.
        await SaveAsync(120);
        await SaveAsync(121);

        var second = await HtmlPage.GetAsync(_server.Client, older, Ct);
        Assert.Equal(Titles(69, 20), ListedTitles(second));
        var third = await HtmlPage.GetAsync(_server.Client, second.One("a[rel=next]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(19, 0), ListedTitles(third));
        Assert.Null(third.Document.QuerySelector("a[rel=next]"));

        var back = await HtmlPage.GetAsync(_server.Client, third.One("a[rel=prev]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(69, 20), ListedTitles(back));
        // Newer than page two: the 50 just above it, as first shown; the two new ones are one page further up.
        var above = await HtmlPage.GetAsync(_server.Client, back.One("a[rel=prev]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(119, 70), ListedTitles(above));
        var top = await HtmlPage.GetAsync(_server.Client, above.One("a[rel=prev]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(121, 72), ListedTitles(top));
        Assert.Null(top.Document.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task StoryPage_InTimeOrder_FiftyAPage()
    {
        var first = await HtmlPage.GetAsync(_server.Client, $"/story/{_ids[0]}", Ct);
        Assert.Contains("120 articles from 1 outlet", first.Text(".teaser"));
        Assert.Equal(Titles(0, 49), ListedTitles(first));
        var later = await HtmlPage.GetAsync(_server.Client, first.One("a[rel=next]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(50, 99), ListedTitles(later));
        var last = await HtmlPage.GetAsync(_server.Client, later.One("a[rel=next]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(100, 119), ListedTitles(last));
        Assert.Null(last.Document.QuerySelector("a[rel=next]"));
        var earlier = await HtmlPage.GetAsync(_server.Client, last.One("a[rel=prev]").GetAttribute("href")!, Ct);
        Assert.Equal(Titles(50, 99), ListedTitles(earlier));
    }

    [Theory]
    [InlineData("/date/2026-11-28?older=garbage")]
    [InlineData("/date/2026-11-28?older=99999999999999999999.1")]
    [InlineData("/category/news-world?newer=1.2&older=3.4")]
    [InlineData("/source/diario-largo?newer=-5.1")]
    [InlineData("/story/1?older=1764979200000")]
    public async Task PageLink_NotOneTheSiteMade_Is400WithAPage(string path)
    {
        var page = await HtmlPage.GetAsync(_server.Client, path, Ct);
        Assert.Equal(400, page.Status);
        Assert.Equal("This address cannot be shown", page.Text("h1"));
    }

    [Theory]
    [InlineData("/date/9999-12-31")]
    [InlineData("/date/0001-01-01")]
    [InlineData("/date/1989-12-31")]
    public async Task DayArchive_DateOutOfRange_Is404WithAPage(string path)
    {
        var page = await HtmlPage.GetAsync(_server.Client, path, Ct);
        Assert.Equal(404, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    private static List<string> Titles(int from, int to) =>
        (from <= to ? Enumerable.Range(from, to - from + 1) : Enumerable.Range(to, from - to + 1).Reverse()).Select(i => $"Artículo {i:000}").ToList();

    private static List<string> ListedTitles(HtmlPage page) =>
        page.Document.QuerySelectorAll("main ol li a.title").Select(a => a.TextContent).ToList();
}
