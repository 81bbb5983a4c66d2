using System.Xml;
using ForeignDesk.Core;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.SearchEngines;

/// <summary>robots.txt, the sitemap index with its sitemap per day, and the Google News sitemap, parsed as XML.</summary>
public sealed class SitemapTests(SearchEngineSiteFixture site) : IClassFixture<SearchEngineSiteFixture>
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    [Fact]
    public async Task Robots_NamesTheSitemaps_AndKeepsCrawlersOutOfSearch()
    {
        var lines = (await site.GetAsync("/robots.txt", "text/plain")).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /search", lines);
        Assert.Contains($"Sitemap: {site.Absolute("/sitemap.xml")}", lines);
        Assert.Contains($"Sitemap: {site.Absolute("/sitemap-news.xml")}", lines);
    }

    [Fact]
    public async Task SitemapIndex_HasTheSitesPagesAndOneSitemapPerDay_SplitAtTheLimit()
    {
        var index = await XmlAsync("/sitemap.xml");

        Assert.Equal("sitemapindex", index.DocumentElement!.LocalName);
        Assert.Equal(SitemapNs, index.DocumentElement.NamespaceURI);
        var locs = Locs(index, "s:sitemap/s:loc");
        // Newest day first; 2026-11-29 (local) holds three articles: two files of at most two URLs.
        Assert.Equal([site.Absolute("/sitemaps/pages.xml"), site.Absolute("/sitemaps/2026-11-29.xml"), site.Absolute("/sitemaps/2026-11-29-2.xml"),
            site.Absolute("/sitemaps/2026-11-28.xml"), site.Absolute("/sitemaps/2026-11-24.xml")], locs);

        var articles = new List<string>();
        foreach (var loc in locs.Skip(1))
        {
            var urls = Locs(await XmlAsync(new Uri(loc).PathAndQuery), "s:url/s:loc");
            Assert.InRange(urls.Count, 1, 2);
            articles.AddRange(urls);
        }
        Assert.Equal([
            site.Absolute($"/article/{site.Seed.Basque}/gobernuak-aurrekontua-onartu-du"),
            site.Absolute($"/article/{site.Seed.Budget}/government-approves-the-budget"),
            site.Absolute($"/article/{site.Seed.Debate}/parliament-debates-the-budget"),
            site.Absolute($"/article/{site.Seed.Script}/headline-script-alert-1-script-more"),
            site.Absolute($"/article/{site.Old}/an-old-story")], articles);
    }

    [Fact]
    public async Task PagesSitemap_ListsHomeCategoriesSourcesAndLanguages()
    {
        var urls = Locs(await XmlAsync("/sitemaps/pages.xml"), "s:url/s:loc");

        Assert.Contains(site.Absolute("/"), urls);
        Assert.Contains(site.Absolute("/category/news-politics"), urls);
        Assert.Contains(site.Absolute("/source/berria-proba"), urls);
        Assert.Contains(site.Absolute("/language/eu"), urls);
    }

    [Fact]
    public async Task SitemapIndex_ArticleOnANewDay_ListedOnceTheDaysAreRecounted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var own = await SeededSite.StartAsync(ct);
        Assert.DoesNotContain("/sitemaps/2026-11-19.xml", await own.Plain.GetStringAsync("/sitemap.xml", ct));
        var published = SiteServer.Now.AddDays(-10);
        await NewsSeed.SaveAsync(own.Server.Store, own.Seed.Diario, "https://diario.example/politica/lejana",
            NewsSeed.Article("Una noticia lejana", null, null, [new Paragraph("p", "Texto.", "Texto.")], published, null, null),
            published, estimated: false, SiteServer.Now, ct);

        // The index read its days ready-made and was cached; the background recount drops it.
        await own.Server.Services.GetRequiredService<ArchiveDaysRefresher>().RefreshAsync(ct);

        Assert.Contains(new Uri(own.Server.Address, "/sitemaps/2026-11-19.xml").AbsoluteUri, await own.Plain.GetStringAsync("/sitemap.xml", ct));
    }

    [Theory]
    [InlineData("/sitemaps/2026-13-01.xml")]
    [InlineData("/sitemaps/2026-11-29-9.xml")]
    [InlineData("/sitemaps/2026-11-29-1.xml")]
    [InlineData("/sitemaps/index.html")]
    public async Task UnknownSitemaps_Are404(string path)
    {
        using var response = await site.Server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task NewsSitemap_HasTheLastTwoDays_WithPublicationLanguageDateAndTitle()
    {
        var news = await XmlAsync("/sitemap-news.xml");
        var ns = Namespaces(news);

        var urls = news.SelectNodes("/s:urlset/s:url", ns)!.Cast<XmlElement>().ToList();
        Assert.Equal(4, urls.Count);
        Assert.DoesNotContain(urls, u => u.SelectSingleNode("s:loc", ns)!.InnerText.Contains("an-old-story", StringComparison.Ordinal));
        var budget = urls.Single(u => u.SelectSingleNode("s:loc", ns)!.InnerText == site.Absolute($"/article/{site.Seed.Budget}/government-approves-the-budget"));
        Assert.Equal("ForeignDesk", budget.SelectSingleNode("n:news/n:publication/n:name", ns)!.InnerText);
        Assert.Equal("en", budget.SelectSingleNode("n:news/n:publication/n:language", ns)!.InnerText);
        Assert.Equal("2026-11-29T08:15:00Z", budget.SelectSingleNode("n:news/n:publication_date", ns)!.InnerText);
        Assert.Equal("Government approves the budget", budget.SelectSingleNode("n:news/n:title", ns)!.InnerText);
        var basque = urls.Single(u => u.SelectSingleNode("n:news/n:title", ns)!.InnerText == "Gobernuak aurrekontua onartu du");
        Assert.Equal("eu", basque.SelectSingleNode("n:news/n:publication/n:language", ns)!.InnerText);
    }

    private async Task<XmlDocument> XmlAsync(string path)
    {
        var document = new XmlDocument();
        document.LoadXml(await site.GetAsync(path, "application/xml"));
        return document;
    }

    private static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("s", SitemapNs);
        ns.AddNamespace("n", NewsNs);
        return ns;
    }

    private static List<string> Locs(XmlDocument document, string path) =>
        document.DocumentElement!.SelectNodes(path, Namespaces(document))!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
}
