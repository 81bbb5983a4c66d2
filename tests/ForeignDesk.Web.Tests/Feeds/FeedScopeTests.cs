using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>The feeds of each category, source, language, story and search, and the pages that link to them.</summary>
public sealed class FeedScopeTests(FeedSiteFixture site) : IClassFixture<FeedSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/category/news-world", new[] { "Gobernuak aurrekontua onartu du" })]
    [InlineData("/source/el-diario-de-prueba", new[] { "Government approves the budget", "Parliament debates the budget", "Headline <script>alert(1)</script> & more" })]
    [InlineData("/language/eu", new[] { "Gobernuak aurrekontua onartu du" })]
    [InlineData("/language/es", new[] { "Government approves the budget", "Parliament debates the budget", "Headline <script>alert(1)</script> & more" })]
    public async Task ScopeFeeds_InEveryFormat_HoldTheScopesArticles(string path, string[] titles)
    {
        Assert.Equal(titles, RssFeedTests.Parse((await site.GetAsync(path + "/feed.xml")).Body).Items.Select(i => i.Title.Text));
        Assert.Equal(titles, AtomFeedTests.Parse((await site.GetAsync(path + "/atom.xml")).Body).Items.Select(i => i.Title.Text));
        using var json = System.Text.Json.JsonDocument.Parse((await site.GetAsync(path + "/feed.json")).Body);
        Assert.Equal(titles, json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(site.Absolute(path), json.RootElement.GetProperty("home_page_url").GetString());
    }

    [Fact]
    public async Task StoryFeed_HoldsTheStorysArticlesNewestFirst()
    {
        var feed = AtomFeedTests.Parse((await site.GetAsync($"/story/{site.Seed.Debate}/atom.xml")).Body);

        Assert.Equal(["Government approves the budget", "Parliament debates the budget"], feed.Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task SearchFeed_HoldsTheNewestMatches_AndKeepsTheFilters()
    {
        var feed = RssFeedTests.Parse((await site.GetAsync("/search/feed.xml?q=budget&lang=es")).Body);

        Assert.Equal(["Government approves the budget", "Parliament debates the budget"], feed.Items.Select(i => i.Title.Text));
        Assert.Equal(site.Absolute("/search?q=budget&lang=es&sort=newest"), feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        using var noWords = await site.Server.Client.GetAsync("/search/feed.json", Ct);
        Assert.Equal(400, (int)noWords.StatusCode);
    }

    [Theory]
    [InlineData("/category/no-such-category/feed.xml")]
    [InlineData("/source/no-such-source/atom.xml")]
    [InlineData("/language/not a code/feed.json")]
    [InlineData("/story/999999/feed.xml")]
    public async Task FeedsOfWhatDoesNotExist_Are404(string path)
    {
        using var response = await site.Server.Client.GetAsync(path, Ct);

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/category/news-politics", "/category/news-politics")]
    [InlineData("/source/berria-proba", "/source/berria-proba")]
    [InlineData("/language/eu", "/language/eu")]
    [InlineData("/search?q=budget", "/search")]
    public async Task Pages_LinkTheirFeeds_AndTheLinksWork(string path, string feedBase)
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, path, Ct);

        var links = page.Document.QuerySelectorAll("link[rel=alternate]").ToList();
        Assert.Equal(["application/rss+xml", "application/atom+xml", "application/feed+json"], links.Select(l => l.GetAttribute("type")));
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.StartsWith(feedBase + "/", href);
            using var response = await site.Server.Client.GetAsync(href, Ct);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(link.GetAttribute("type"), response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task StoryPage_LinksItsFeeds()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, $"/story/{site.Seed.Debate}", Ct);

        Assert.Equal($"/story/{site.Seed.Debate}/feed.json", page.One("link[rel=alternate][type='application/feed+json']").GetAttribute("href"));
    }

    [Fact]
    public async Task LanguagePage_ListsTheLanguagesArticles()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, "/language/eu", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("From Basque", page.Text("h1"));
        Assert.Equal(["Gobernuak aurrekontua onartu du"], page.Document.QuerySelectorAll("ol.list a.title").Select(a => a.TextContent));
    }
}
