using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Policy;

/// <summary>
/// A withdrawn source, withdrawn in the store as <c>sources withdraw</c> does: its articles' pages (cached before)
/// answer 410 Gone with an explanation, the API answers 410, and they leave feeds, sitemaps and search.
/// </summary>
public sealed class WithdrawalTests : IAsyncLifetime
{
    private SeededSite _site = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _site = await SeededSite.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _site.Plain.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task WithdrawnSource_PagesAnswer410_AndTheArticlesLeaveFeedsSitemapsSearchAndTheApi()
    {
        var budget = $"/article/{_site.Seed.Budget}/";
        await _site.AssertCachedAsync(_site.BudgetPath, Ct);
        Assert.Contains(budget, (await GetAsync("/feed.xml")).Body);
        Assert.Contains(budget, (await GetAsync("/sitemaps/2026-11-29.xml")).Body);
        Assert.Contains(budget, (await GetAsync("/search?q=budget")).Body);

        Assert.Equal(3, await ((ISourceControlStore)_site.Server.Store).WithdrawSourceAsync(_site.Seed.Diario.Id, SiteServer.Now, Ct));
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        var (status, page) = await GetAsync(_site.BudgetPath);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("Article withdrawn", page);
        Assert.Contains("El Diario de Prueba", page);
        var (apiStatus, api) = await GetAsync($"/api/v1/articles/{_site.Seed.Budget}");
        Assert.Equal(HttpStatusCode.Gone, apiStatus);
        Assert.Contains("withdrawn", api);
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync("/source/" + _site.Seed.Diario.Slug)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync("/source/" + _site.Seed.Diario.Slug + "/feed.xml")).Status);

        foreach (var path in new[] { "/feed.xml", "/atom.xml", "/feed.json", "/sitemaps/2026-11-29.xml", "/sitemap-news.xml", "/search?q=budget", "/", "/api/v1/articles" })
        {
            var (_, body) = await GetAsync(path);
            Assert.DoesNotContain(budget, body);
            Assert.DoesNotContain($"/api/v1/articles/{_site.Seed.Budget}\"", body);
        }
        Assert.DoesNotContain("/source/" + _site.Seed.Diario.Slug + "<", (await GetAsync("/sitemaps/pages.xml")).Body);
        // The other outlet stays.
        Assert.Contains($"/article/{_site.Seed.Basque}/", (await GetAsync("/feed.xml")).Body);
        // An article that never existed is still a plain 404.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/article/999999/nothing")).Status);
    }
}
