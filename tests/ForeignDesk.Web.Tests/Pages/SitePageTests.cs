using Xunit;
namespace ForeignDesk.Web.Tests.Pages;

public sealed class SitePageTests(NewsSiteFixture site) : IClassFixture<NewsSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_ListsLatestAndCategories()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, "/", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("ForeignDesk: The world's news, in English", page.Document.Title);
        var latest = page.Document.QuerySelectorAll("ol.list")[0].QuerySelectorAll("li a.title").Select(a => a.TextContent).ToList();
        // Newest first: the Basque article (09:00 UTC), the budget (08:15), the debate (07:00), the script headline (the day before).
        Assert.Equal(["Gobernuak aurrekontua onartu du", "Government approves the budget", "Parliament debates the budget",
            "Headline <script>alert(1)</script> & more"], latest);
        Assert.Equal("Basque", page.One("ol.list li .badge").TextContent);
        Assert.Equal(["News/Politics", "News/World"], page.Document.QuerySelectorAll("#categories a").Select(a => a.TextContent));
        Assert.Equal("/category/news-politics", page.One("#categories a").GetAttribute("href"));
        Assert.Equal(new Uri(site.Server.Address, "/").AbsoluteUri, page.One("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal("website", page.One("meta[property='og:type']").GetAttribute("content"));
    }

    [Fact]
    public async Task Home_TrendsShowArticlesViewedInLast24Hours()
    {
        var path = $"/article/{site.Seed.Debate}/parliament-debates-the-budget";
        for (var i = 0; i < 3; i++)
        {
            using var view = await site.Server.Client.GetAsync(path, Ct);
            Assert.Equal(200, (int)view.StatusCode);
            Assert.False(view.Headers.Contains("Set-Cookie"));
        }

        var page = await HtmlPage.GetAsync(site.Server.Client, "/", Ct);

        var first = page.One("#trends li");
        Assert.Equal("Parliament debates the budget", first.QuerySelector("a.title")!.TextContent);
        var meta = HtmlPage.Collapse(first.QuerySelector(".meta")!.TextContent);
        Assert.Contains("News/Politics", meta);
        Assert.Contains("2026-11-29 07:00 UTC", meta);
    }

    [Fact]
    public async Task Category_MapsSlugBackToName()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, "/category/news-world", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("News/World", page.Text("h1"));
        Assert.Contains("Gobernuak aurrekontua onartu du", page.Text("main section"));
        Assert.DoesNotContain("Government approves the budget", page.Text("main section"));
    }

    [Fact]
    public async Task Category_OfTheTaxonomyWithNoArticleYet_IsAnEmptyPageNot404()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, "/category/science", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("Science", page.Text("h1"));
        Assert.Contains("No articles in this category yet.", page.Text("main section"));
    }

    [Fact]
    public async Task Source_ListsItsArticles()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, $"/source/{site.Seed.Diario.Slug}", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("El Diario de Prueba", page.Text("h1"));
        Assert.Contains("Government approves the budget", page.Text("main"));
        Assert.DoesNotContain("Gobernuak", page.Text("main"));
    }

    [Fact]
    public async Task Status_ShowsSourcesAndRecordedProblem()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, "/status", Ct);

        Assert.Equal(200, page.Status);
        var sources = page.Document.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr th").Select(th => th.TextContent);
        Assert.Equal(["Berria Proba", "El Diario de Prueba"], sources);
        var problems = HtmlPage.Collapse(page.Document.QuerySelectorAll("table:not(.checks):not(.delays)")[1].TextContent);
        Assert.Contains("HTTP 503 Service Unavailable <from feed>", problems);
        Assert.Contains("https://berria.example/rss", problems);
        Assert.Contains("Berria Proba", problems);
        Assert.Contains("2026-11-29 11:55 UTC", problems);
        Assert.Contains("HTTP 503 Service Unavailable &lt;from feed&gt;", page.Html);
    }

    [Theory]
    [InlineData("/privacy", "Privacy", "sets no cookies")]
    [InlineData("/about", "About ForeignDesk", "machine-translation engine")]
    public async Task StaticPages_Explain(string path, string heading, string phrase)
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, path, Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal(heading, page.Text("h1"));
        Assert.Contains(phrase, page.Text("main"));
        Assert.NotNull(page.Document.QuerySelector("meta[name=description]"));
    }

    [Fact]
    public async Task Healthz_ReturnsOk()
    {
        using var response = await site.Server.Client.GetAsync("/healthz", Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
    }
}
