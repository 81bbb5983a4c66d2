using Xunit;
using ForeignDesk.Core;

namespace ForeignDesk.Web.Tests.Pages;

public sealed class ArticlePageTests(NewsSiteFixture site) : IClassFixture<NewsSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HtmlPage> BudgetAsync() =>
        HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Budget}/government-approves-the-budget", Ct);

    [Fact]
    public async Task Article_Translated_ShowsTitleTimesAndByline()
    {
        var page = await BudgetAsync();

        Assert.Equal(200, page.Status);
        Assert.Equal("Government approves the budget · ForeignDesk", page.Document.Title);
        Assert.Equal("Government approves the budget", page.Text("article h1"));
        Assert.Contains("2026-11-29 08:15 UTC", page.Text("article .meta"));
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", page.Text("article .teaser"));
        var facts = page.Text(".byline");
        Assert.Contains("By: María López", facts);
        // Honest times: the outlet's in its zone and in UTC, when ForeignDesk first saw it, when it was translated.
        Assert.Contains("Created: 2026-11-29 09:15 (Europe/Madrid) · 2026-11-29 08:15 UTC", facts);
        Assert.DoesNotContain("unknown", facts);
        Assert.Contains("First seen by ForeignDesk: 2026-11-29 12:00 UTC", facts);
        Assert.Contains("Translated: 2026-11-29 12:00 UTC", facts);
        Assert.Contains("Updated: 2026-11-29 11:30 (Europe/Madrid)", facts);
        Assert.Contains("ForeignDesk", page.Text(".masthead"));
        Assert.Contains("The world's news, in English", page.Text(".masthead"));
    }

    [Fact]
    public async Task Article_Translated_RendersParagraphKindsInOrder()
    {
        var page = await BudgetAsync();

        var blocks = page.One("article .body").Children.Where(e => !e.ClassList.Contains("report-link")).Select(e => e.LocalName).ToList();
        Assert.Equal(["p", "h2", "blockquote", "ul"], blocks);
        Assert.Equal("approved", page.Text("article .body p strong"));
        Assert.Equal(["Health", "Education"], page.Document.QuerySelectorAll("article .body ul li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task Article_Translated_LinksSourceAndShowsImageOriginalAndEngine()
    {
        var page = await BudgetAsync();

        var source = page.One(".byline a[target=_blank]");
        Assert.Equal("https://diario.example/politica/presupuesto", source.GetAttribute("href"));
        Assert.Equal("nofollow noopener", source.GetAttribute("rel"));
        Assert.Equal("El Diario de Prueba", source.TextContent);
        Assert.Contains("Source: El Diario de Prueba", page.Text(".byline"));

        Assert.Matches(@"^/image/\d+/0/[0-9a-f]{16}/16$", page.One("figure img").GetAttribute("src"));
        Assert.Equal("The minister in Madrid · Photo: EFE", page.Text("figcaption"));

        var original = page.One("details.original div");
        Assert.Equal("es", original.GetAttribute("lang"));
        Assert.Equal("El Gobierno aprueba el presupuesto", HtmlPage.Collapse(original.QuerySelector("h2")!.TextContent));
        Assert.Contains("El Gobierno aprobó ayer el presupuesto.", HtmlPage.Collapse(original.TextContent));
        Assert.Equal(["Sanidad", "Educación"], original.QuerySelectorAll("ul li").Select(li => li.TextContent));

        Assert.Equal("Machine-translated from Spanish by apertium (es→en) at 2026-11-29 12:00 UTC", page.Text(".engine"));
    }

    [Fact]
    public async Task Article_LinksDayArchiveAndListsRelated()
    {
        var page = await BudgetAsync();

        var archive = page.One("a.archive-link");
        Assert.Equal("/date/2026-11-29", archive.GetAttribute("href"));
        Assert.Equal("All news articles on 2026-11-29", archive.TextContent);

        var related = page.One("#related").TextContent;
        Assert.Contains("Parliament debates the budget", related);
        Assert.NotNull(page.Document.QuerySelector($"#related a[href='/article/{site.Seed.Debate}/parliament-debates-the-budget']"));
        Assert.NotNull(page.Document.QuerySelector("#latest"));
        Assert.NotNull(page.Document.QuerySelector("#trends"));

        var day = await HtmlPage.GetAsync(site.Server.Client, "/date/2026-11-29", Ct);
        Assert.Equal(200, day.Status);
        Assert.Contains("Government approves the budget", day.Text("main"));
        Assert.DoesNotContain("Headline", day.Text("main"));
    }

    [Fact]
    public async Task Article_HeadHasCanonicalAndOpenGraph()
    {
        var page = await BudgetAsync();
        var canonical = new Uri(site.Server.Address, $"/article/{site.Seed.Budget}/government-approves-the-budget").AbsoluteUri;

        Assert.Equal(canonical, page.One("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal(canonical, page.One("meta[property='og:url']").GetAttribute("content"));
        Assert.Equal("article", page.One("meta[property='og:type']").GetAttribute("content"));
        Assert.Equal("Government approves the budget", page.One("meta[property='og:title']").GetAttribute("content"));
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", page.One("meta[name=description]").GetAttribute("content"));
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/image/\d+/0/[0-9a-f]{16}/16$", page.One("meta[property='og:image']").GetAttribute("content"));
        Assert.Contains("width=device-width", page.One("meta[name=viewport]").GetAttribute("content"));
        Assert.Equal("/privacy", page.One("footer a[href='/privacy']").GetAttribute("href"));
        Assert.Contains("external sources and are machine-translated", page.Text("footer"));
    }

    [Fact]
    public async Task Article_WrongOrMissingSlug_RedirectsToCanonical()
    {
        using var client = CatchingUpHandler.Client(site.Server.Services, site.Server.Address, allowAutoRedirect: false);
        using var response = await client.GetAsync($"/article/{site.Seed.Budget}", Ct);

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal($"/article/{site.Seed.Budget}/government-approves-the-budget", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Article_TitleWithScript_IsEncoded()
    {
        var slug = Slug.From("Headline <script>alert(1)</script> & more");
        var page = await HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Script}/{slug}", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("Headline <script>alert(1)</script> & more", page.Text("article h1"));
        Assert.Contains("Headline &lt;script&gt;alert(1)&lt;/script&gt; &amp; more", page.Html);
        // The only script element is the page's structured data, whose JSON escapes every "<".
        Assert.DoesNotContain("<script", page.Html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal));
        Assert.Contains("By: <b>Pepe</b>", page.Text(".byline"));
        Assert.Null(page.Document.QuerySelector(".byline b"));
    }

    [Fact]
    public async Task Article_OnlyTeaserBehindPaywall_SaysSo()
    {
        var slug = Slug.From("Headline <script>alert(1)</script> & more");
        var teaserOnly = await HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Script}/{slug}", Ct);
        var whole = await HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Budget}/government-approves-the-budget", Ct);

        Assert.Equal("Only the outlet's public teaser is available: the full article is behind its paywall.", teaserOnly.Text(".notice"));
        Assert.Null(whole.Document.QuerySelector(".notice"));
    }

    [Fact]
    public async Task Article_AwaitingEngine_ShowsOriginalWithNotice()
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, $"/article/{site.Seed.Basque}/gobernuak-aurrekontua-onartu-du", Ct);

        Assert.Equal(200, page.Status);
        var title = page.One("article h1");
        Assert.Equal("Gobernuak aurrekontua onartu du", title.TextContent);
        Assert.Equal("eu", title.GetAttribute("lang"));
        Assert.Equal("No translation engine is available yet for Basque. This article is shown in its original language.", page.Text(".notice"));
        Assert.Equal("eu", page.One("article .body").GetAttribute("lang"));
        Assert.Contains("Gobernuak atzo onartu zuen aurrekontua.", page.Text("article .body"));
        Assert.Contains("Created: time of publication unknown; first seen 2026-11-29 13:00 (Europe/Madrid) · 2026-11-29 12:00 UTC", page.Text(".byline"));
        Assert.DoesNotContain("Translated:", page.Text(".byline"));
        Assert.Null(page.Document.QuerySelector(".engine"));
        Assert.Null(page.Document.QuerySelector("details.original"));
    }

    [Theory]
    [InlineData("/article/999999/nothing")]
    [InlineData("/no/such/page")]
    [InlineData("/date/2026-13-45")]
    [InlineData("/category/no-such-category")]
    [InlineData("/source/no-such-source")]
    public async Task UnknownPage_Returns404Page(string path)
    {
        var page = await HtmlPage.GetAsync(site.Server.Client, path, Ct);

        Assert.Equal(404, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.NotNull(page.Document.QuerySelector("footer a[href='/privacy']"));
    }
}
