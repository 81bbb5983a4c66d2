using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Search;

/// <summary>Search result pages are taken from the articles stored when the first page was shown: new ones do not shift them.</summary>
public sealed class SearchPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("&sort=newest")]
    public async Task NextPage_AfterNewArticlesArrive_ShowsTheSameArticlesAsBefore(string sort)
    {
        await using var server = await SiteServer.StartAsync(Ct);
        var source = await server.Store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://d.example/"),
            [new Uri("https://d.example/rss")], "es", "News/World", "UTC"), Ct);
        for (var i = 0; i < 45; i++) await SaveAsync(server, source, i);

        var first = await HtmlPage.GetAsync(server.Client, "/search?q=vivienda" + sort, Ct);
        var next = first.One("a[rel=next]").GetAttribute("href")!;
        Assert.Contains("upto=", next);
        var expected = Titles(await HtmlPage.GetAsync(server.Client, next, Ct));
        Assert.Equal(20, expected.Count);

        for (var i = 45; i < 50; i++) await SaveAsync(server, source, i);

        Assert.Equal(expected, Titles(await HtmlPage.GetAsync(server.Client, next, Ct)));
        var fresh = await HtmlPage.GetAsync(server.Client, "/search?q=vivienda" + sort, Ct);
        Assert.Contains("50 articles found", fresh.Text("p[role=status]"));
    }

    [Fact]
    public async Task PinThatIsNotANumber_StartsFromTheNewestWithAMessage()
    {
        await using var server = await SiteServer.StartAsync(Ct);
        var page = await HtmlPage.GetAsync(server.Client, "/search?q=vivienda&page=2&upto=-3", Ct);
        Assert.Equal(200, page.Status);
        Assert.Contains("started again", page.Html);
    }

    private static async Task SaveAsync(SiteServer server, Source source, int i)
    {
        var id = await NewsSeed.SaveAsync(server.Store, source, $"https://d.example/{i}",
            NewsSeed.Article($"Vivienda {i:00}", null, null, [new Paragraph("p", "Precio de la vivienda.", "Precio de la vivienda.")], null, null, null),
            SiteServer.Now.AddMinutes(i - 100), estimated: false, SiteServer.Now, Ct);
        await server.Store.MarkAwaitingEngineAsync(id, Ct);
    }

    private static List<string> Titles(HtmlPage page) => page.Document.QuerySelectorAll("ol.results li a.title").Select(a => a.TextContent).ToList();
}
