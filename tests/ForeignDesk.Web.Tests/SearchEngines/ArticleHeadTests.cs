using System.Text.Json;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Web.Tests.SearchEngines;

/// <summary>Structured data, OpenGraph, Twitter cards and hreflang on article pages.</summary>
public sealed class ArticleHeadTests(SearchEngineSiteFixture site) : IClassFixture<SearchEngineSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TranslatedArticle_HasNewsArticleJsonLd_WithEveryField()
    {
        var path = $"/article/{site.Seed.Budget}/government-approves-the-budget";
        var page = await HtmlPage.GetAsync(site.Server.Client, path, Ct);
        using var json = JsonDocument.Parse(page.One("script[type='application/ld+json']").TextContent);
        var data = json.RootElement;

        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", data.GetProperty("@type").GetString());
        Assert.Equal(site.Absolute(path), data.GetProperty("url").GetString());
        Assert.Equal(site.Absolute(path), data.GetProperty("mainEntityOfPage").GetString());
        Assert.Equal("Government approves the budget", data.GetProperty("headline").GetString());
        Assert.Equal("2026-11-29T08:15:00Z", data.GetProperty("datePublished").GetString());
        Assert.Equal("2026-11-29T10:30:00Z", data.GetProperty("dateModified").GetString());
        Assert.Equal("en", data.GetProperty("inLanguage").GetString());
        Assert.Equal("https://diario.example/politica/presupuesto", data.GetProperty("isBasedOn").GetString());
        var original = data.GetProperty("translationOfWork");
        Assert.Equal("NewsArticle", original.GetProperty("@type").GetString());
        Assert.Equal("https://diario.example/politica/presupuesto", original.GetProperty("url").GetString());
        Assert.Equal("es", original.GetProperty("inLanguage").GetString());
        Assert.Equal("El Gobierno aprueba el presupuesto", original.GetProperty("headline").GetString());
        var publisher = data.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("ForeignDesk", publisher.GetProperty("name").GetString());
        Assert.True(Uri.IsWellFormedUriString(publisher.GetProperty("logo").GetProperty("url").GetString(), UriKind.Absolute));
        Assert.StartsWith(site.Absolute($"/image/{site.Seed.Budget}/0/"), data.GetProperty("image").EnumerateArray().Single().GetString());
        Assert.Equal("El Diario de Prueba", data.GetProperty("author").GetProperty("name").GetString());
    }

    [Fact]
    public async Task TranslatedArticle_HasOpenGraphTwitterAndHreflang()
    {
        var path = $"/article/{site.Seed.Budget}/government-approves-the-budget";
        var page = await HtmlPage.GetAsync(site.Server.Client, path, Ct);

        Assert.Equal("article", page.One("meta[property='og:type']").GetAttribute("content"));
        Assert.Equal("Government approves the budget", page.One("meta[property='og:title']").GetAttribute("content"));
        Assert.Equal(site.Absolute(path), page.One("meta[property='og:url']").GetAttribute("content"));
        Assert.StartsWith(site.Absolute($"/image/{site.Seed.Budget}/0/"), page.One("meta[property='og:image']").GetAttribute("content"));
        Assert.Equal("2026-11-29T08:15:00Z", page.One("meta[property='article:published_time']").GetAttribute("content"));
        Assert.Equal("2026-11-29T10:30:00Z", page.One("meta[property='article:modified_time']").GetAttribute("content"));
        Assert.Equal("News/Politics", page.One("meta[property='article:section']").GetAttribute("content"));
        Assert.Equal("summary_large_image", page.One("meta[name='twitter:card']").GetAttribute("content"));
        Assert.Equal("Government approves the budget", page.One("meta[name='twitter:title']").GetAttribute("content"));
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", page.One("meta[name='twitter:description']").GetAttribute("content"));
        Assert.StartsWith(site.Absolute($"/image/{site.Seed.Budget}/0/"), page.One("meta[name='twitter:image']").GetAttribute("content"));
        Assert.Equal(site.Absolute(path), page.One("link[rel=alternate][hreflang=en]").GetAttribute("href"));
        Assert.Equal("https://diario.example/politica/presupuesto", page.One("link[rel=alternate][hreflang=es]").GetAttribute("href"));
    }

    [Fact]
    public async Task UntranslatedArticle_IsInItsOwnLanguage_WithNoTranslationLinks()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Basque}/gobernuak-aurrekontua-onartu-du", Ct);
        using var json = JsonDocument.Parse(page.One("script[type='application/ld+json']").TextContent);

        Assert.Equal("eu", json.RootElement.GetProperty("inLanguage").GetString());
        Assert.False(json.RootElement.TryGetProperty("translationOfWork", out _));
        Assert.Equal("https://berria.example/albisteak/1", json.RootElement.GetProperty("isBasedOn").GetString());
        Assert.Empty(page.Document.QuerySelectorAll("link[hreflang]"));
        Assert.Equal("summary", page.One("meta[name='twitter:card']").GetAttribute("content"));
    }

    [Fact]
    public async Task JsonLd_CannotCloseItsScriptElement()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Script}/headline-script-alert-1-script-more", Ct);

        var script = page.One("script[type='application/ld+json']");
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("Headline <script>alert(1)</script> & more", json.RootElement.GetProperty("headline").GetString());
        Assert.Single(page.Document.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task MoreUrlsPerSitemapThanTheProtocolAllows_IsRefusedAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SiteServer.StartAsync(Ct,
            settings: new Dictionary<string, string?> { ["SearchEngines:UrlsPerSitemap"] = "50001" }));

        Assert.Contains("UrlsPerSitemap", error.Message);
    }
}
