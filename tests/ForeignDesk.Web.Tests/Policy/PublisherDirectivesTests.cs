using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Policy;

/// <summary>
/// What an outlet's page asks (robots meta, <c>X-Robots-Tag</c>, notranslate), stored with the article, honoured:
/// nosnippet leaves no description or snippet, noarchive and noindex keep the page out of the sitemaps and are
/// sent on to search engines, notranslate leaves the title in its language and a link.
/// </summary>
public sealed class PublisherDirectivesTests : IAsyncLifetime
{
    private SeededSite _site = null!;
    private long _noSnippet;
    private long _noTranslate;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _site = await SeededSite.StartAsync(Ct);
        var store = _site.Server.Store;
        var diario = _site.Seed.Diario;
        var published = new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);
        _noSnippet = await NewsSeed.SaveAsync(store, diario, "https://diario.example/mercado/zanahorias",
            NewsSeed.Article("Suben las zanahorias", "Las zanahorias cuestan más.", null,
                [new Paragraph("p", "Las zanahorias suben un diez por ciento.", "Las zanahorias suben un diez por ciento.")], published, null, null)
                with { Robots = PublisherDirectives.NoSnippet | PublisherDirectives.NoArchive },
            published, estimated: false, SiteServer.Now, Ct);
        await store.SaveTranslationAsync(_noSnippet, new TranslatedArticle("Carrots go up", "Carrots cost more.",
            [new Paragraph("p", "Carrots rise by ten percent.", "Carrots rise by ten percent.")], null, "apertium", "es→en", 0), SiteServer.Now, Ct);
        _noTranslate = await NewsSeed.SaveAsync(store, diario, "https://diario.example/cultura/poema",
            NewsSeed.Article("Un poema sin traducir", "Versos del día.", null,
                [new Paragraph("p", "Verde que te quiero verde.", "Verde que te quiero verde.")], published, null, null)
                with { Robots = PublisherDirectives.NoTranslate | PublisherDirectives.NoIndex },
            published, estimated: false, SiteServer.Now, Ct);
        await store.SaveTranslationAsync(_noTranslate, new TranslatedArticle("A poem not to translate", "Verses of the day.",
            [new Paragraph("p", "Green how I want you green.", "Green how I want you green.")], null, "apertium", "es→en", 0), SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private async Task<(string Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await _site.Plain.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(Ct), response);
    }

    [Fact]
    public async Task NoSnippetAndNoArchive_NoDescriptionNoSearchSnippet_HeaderSent_NotInSitemaps()
    {
        var (page, response) = await GetAsync($"/article/{_noSnippet}/carrots-go-up");
        using (response)
        {
            Assert.Contains("<meta name=\"description\" content=\"Carrots go up\">", page);
            Assert.Equal("noarchive, nosnippet", response.Headers.GetValues("X-Robots-Tag").Single());
            Assert.Contains("<meta name=\"robots\" content=\"noarchive, nosnippet\">", page);
            // The whole translation is still the source's to give.
            Assert.Contains("Carrots rise by ten percent.", page);
        }

        var (search, searched) = await GetAsync("/search?q=carrots");
        searched.Dispose();
        Assert.Contains($"/article/{_noSnippet}/", search);
        Assert.DoesNotContain("<mark>", search);
        Assert.DoesNotContain("ten percent", search);

        var (feed, fed) = await GetAsync("/feed.xml");
        fed.Dispose();
        Assert.DoesNotContain("Carrots rise by ten percent", feed);
        Assert.DoesNotContain("Carrots cost more", feed);

        var (sitemap, mapped) = await GetAsync("/sitemaps/2026-11-29.xml");
        mapped.Dispose();
        Assert.Contains($"/article/{_site.Seed.Budget}/", sitemap);
        Assert.DoesNotContain($"/article/{_noSnippet}/", sitemap);
        Assert.DoesNotContain($"/article/{_noTranslate}/", sitemap);
        var (news, newsResponse) = await GetAsync("/sitemap-news.xml");
        newsResponse.Dispose();
        Assert.DoesNotContain($"/article/{_noSnippet}/", news);
    }

    [Fact]
    public async Task NoTranslate_ShowsTheOriginalTitleAndALink_SaysWhy_AndNoIndex()
    {
        var path = $"/article/{_noTranslate}/a-poem-not-to-translate";
        var (page, response) = await GetAsync(path);
        using (response)
        {
            Assert.Contains("Un poema sin traducir", page);
            Assert.DoesNotContain("Green how I want you green", page);
            Assert.DoesNotContain("Verde que te quiero verde", page);
            Assert.Contains("not be translated (notranslate)", page);
            Assert.Contains("href=\"https://diario.example/cultura/poema\"", page);
            Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        }

        var (api, answered) = await GetAsync($"/api/v1/articles/{_noTranslate}");
        answered.Dispose();
        Assert.Contains("\"translation\":null", api);
        Assert.DoesNotContain("Verde que te quiero", api);

        var (feed, fed) = await GetAsync("/feed.xml");
        fed.Dispose();
        Assert.Contains("<title>Un poema sin traducir</title>", feed);
        Assert.DoesNotContain("Green how I want you green", feed);
    }
}
