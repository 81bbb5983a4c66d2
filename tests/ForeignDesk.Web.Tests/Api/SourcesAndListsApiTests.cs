using System.Text.Json;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary><c>/api/v1/sources</c>, <c>/api/v1/categories</c> and <c>/api/v1/trends</c> over a real site and SQLite file.</summary>
public sealed class SourcesAndListsApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sources_EveryOutletWithCounts()
    {
        var (status, json, _) = await site.GetAsync("/api/v1/sources", Ct);

        Assert.Equal(200, status);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["berria-proba", "el-diario-de-prueba"], items.Select(s => s.GetProperty("slug").GetString()));
        var diario = items[1];
        Assert.Equal("El Diario de Prueba", diario.GetProperty("name").GetString());
        Assert.Equal(["es"], diario.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Europe/Madrid", diario.GetProperty("timeZone").GetString());
        Assert.Equal(3, diario.GetProperty("articlesTotal").GetInt32());
        Assert.Equal("/api/v1/articles?source=el-diario-de-prueba", diario.GetProperty("articlesUrl").GetString());
    }

    [Fact]
    public async Task Source_OneOutlet_AndMissingOne404()
    {
        var (status, json, _) = await site.GetAsync("/api/v1/sources/berria-proba", Ct);
        var (missing, problem, _) = await site.GetAsync("/api/v1/sources/no-such-outlet", Ct);

        Assert.Equal(200, status);
        Assert.Equal("https://berria.example/", json.GetProperty("homeUrl").GetString());
        Assert.Equal(404, missing);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Categories_TaxonomyWithThoseThatHaveArticlesMarked()
    {
        var (status, json, _) = await site.GetAsync("/api/v1/categories", Ct);

        Assert.Equal(200, status);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        var politics = items.Single(c => c.GetProperty("name").GetString() == "News/Politics");
        Assert.True(politics.GetProperty("hasArticles").GetBoolean());
        Assert.Equal("/api/v1/articles?category=news-politics", politics.GetProperty("articlesUrl").GetString());
        Assert.Contains(items, c => !c.GetProperty("hasArticles").GetBoolean());
    }

    [Fact]
    public async Task Trends_MostReadWithViews()
    {
        await site.Server.Store.RecordViewAsync(site.Seed.Script, ForeignDesk.Web.Tests.Pages.SiteServer.Now.AddMinutes(-10), Ct);

        var (status, json, _) = await site.GetAsync("/api/v1/trends", Ct);

        Assert.Equal(200, status);
        var top = json.GetProperty("items")[0];
        Assert.Equal(site.Seed.Script, top.GetProperty("article").GetProperty("id").GetInt64());
        Assert.True(top.GetProperty("views").GetInt64() >= 1);
    }
}
