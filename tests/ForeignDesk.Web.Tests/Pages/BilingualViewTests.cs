using AngleSharp.Dom;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// The side-by-side view of a translated article (<c>?view=bilingual</c>) and the lang and dir of original text
/// wherever it appears, on the seeded newsroom plus an Arabic outlet.
/// </summary>
public sealed class BilingualViewTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;
    private ArabicSeed _arabic = null!;

    public async ValueTask InitializeAsync() => (_site, _arabic) = await ArabicSeed.StartSiteAsync(Ct);

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private string BudgetBilingual => _site.BudgetPath + "?view=bilingual";

    private string ArabicPath => $"/article/{_arabic.Translated}{ArabicSeed.TranslatedPathEnd}";

    [Fact]
    public async Task Bilingual_PairsEachTranslatedBlockWithItsOriginal_InOrder()
    {
        var page = await GetAsync(BudgetBilingual);

        Assert.Equal(200, page.Status);
        var pairs = Pairs(page);
        Assert.Equal(4, pairs.Count);
        Assert.Equal(["P", "H2", "BLOCKQUOTE", "UL"], pairs.Select(p => p[0].TagName));
        Assert.Equal(["P", "H2", "BLOCKQUOTE", "UL"], pairs.Select(p => p[1].TagName));
        Assert.Equal(["The Government approved the budget yesterday.", "The keys", "It is a good day", "Health Education"],
            pairs.Select(p => BlockText(p[0])));
        Assert.Equal(["El Gobierno aprobó ayer el presupuesto.", "Las claves", "Es un buen día", "Sanidad Educación"],
            pairs.Select(p => BlockText(p[1])));
        Assert.All(pairs, p => Assert.Equal(("translation", "en", "original", "es"),
            (p[0].ClassName, p[0].GetAttribute("lang"), p[1].ClassName, p[1].GetAttribute("lang"))));
        Assert.All(pairs.SelectMany(p => p), block => Assert.Null(block.GetAttribute("dir")));
        Assert.Equal(["Health", "Education"], pairs[3][0].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("aprobó", page.One(".pair .original strong").TextContent);
        Assert.Equal("Government approves the budget", page.Text("article h1"));
        Assert.Equal("es", page.One(".original-title").GetAttribute("lang"));
        Assert.Equal(("The Council of Ministers gives the green light to the accounts.", "El Consejo de Ministros da luz verde a las cuentas."),
            (page.Text(".pair .teaser.translation"), page.Text(".pair .teaser.original")));
    }

    [Fact]
    public async Task Bilingual_ArabicOriginal_EveryBlockHasLangAndRightToLeft()
    {
        var page = await GetAsync(ArabicPath + "?view=bilingual");

        Assert.Equal(200, page.Status);
        var pairs = Pairs(page);
        Assert.Equal(ArabicSeed.Original.Count, pairs.Count);
        Assert.Equal(ArabicSeed.Original.Select(p => p.Kind.ToUpperInvariant()), pairs.Select(p => p[1].TagName));
        Assert.Equal(ArabicSeed.Original.Select(p => HtmlPage.Collapse(p.Text)), pairs.Select(p => BlockText(p[1])));
        Assert.All(pairs, p =>
        {
            Assert.Equal(("ar", "rtl"), (p[1].GetAttribute("lang"), p[1].GetAttribute("dir")));
            Assert.Equal(("en", null), (p[0].GetAttribute("lang"), p[0].GetAttribute("dir")));
        });
        var title = page.One(".original-title");
        Assert.Equal(("ar", "rtl"), (title.GetAttribute("lang"), title.GetAttribute("dir")));
        Assert.Equal("rtl", page.One(".pair .teaser.original").GetAttribute("dir"));
        Assert.Contains("Original (Arabic)", page.Text(".pair-head"));
    }

    [Fact]
    public async Task Bilingual_HasCanonicalOfTheArticle_StylesOnlyFromTheStylesheet_AndNoScript()
    {
        using var response = await _site.Server.Client.GetAsync(BudgetBilingual, Ct);
        var page = await GetAsync(BudgetBilingual);

        Assert.Equal(new Uri(_site.Server.Address, _site.BudgetPath).AbsoluteUri, page.One("link[rel=canonical]").GetAttribute("href"));
        Assert.Contains("style-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Empty(page.Document.QuerySelectorAll("style, script, [style]"));
        Assert.Equal(_site.BudgetPath, page.One("article.bilingual a[href^='/article/']").GetAttribute("href"));
    }

    [Fact]
    public async Task ArticlePage_LinksTheBilingualView()
    {
        var page = await GetAsync(_site.BudgetPath);

        var link = page.One(".bilingual-link a");
        Assert.Equal(BudgetBilingual, link.GetAttribute("href"));
        Assert.Equal("Read it side by side with the original (Spanish)", link.TextContent);
        Assert.Null(page.Document.QuerySelector(".pair"));
    }

    [Fact]
    public async Task AwaitingEngine_OffersNoBilingualView_AndItsAddressLeadsToTheArticle()
    {
        var path = $"/article/{_site.Seed.Basque}/gobernuak-aurrekontua-onartu-du";
        var page = await GetAsync(path);
        Assert.Null(page.Document.QuerySelector(".bilingual-link"));
        Assert.Null(page.Document.QuerySelector("a[href*='view=bilingual']"));

        using var client = CatchingUpHandler.Client(_site.Server.Services, _site.Server.Address, allowAutoRedirect: false);
        using var response = await client.GetAsync(path + "?view=bilingual", Ct);
        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal(path, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Bilingual_WrongSlug_RedirectsToTheBilingualViewOfTheCanonicalAddress()
    {
        using var client = CatchingUpHandler.Client(_site.Server.Services, _site.Server.Address, allowAutoRedirect: false);
        using var response = await client.GetAsync($"/article/{_site.Seed.Budget}/old-title?view=bilingual", Ct);

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal(BudgetBilingual, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("?view=original")]
    [InlineData("?view=")]
    [InlineData("?view=Bilingual")]
    [InlineData("?view=bilingual&view=plain")]
    public async Task UnknownView_IsRefusedWith400_AndNotCached(string query)
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await _site.Plain.GetAsync(_site.BudgetPath + query, Ct);
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Null(response.Headers.Age);
            Assert.Contains("?view=bilingual", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Bilingual_MoreOriginalThanTranslatedBlocks_ShowsEveryBlockInOrder()
    {
        await _site.Server.Store.SaveTranslationAsync(_arabic.Translated, new TranslatedArticle("Ports reopen after the storm", null,
            ArabicSeed.English.Take(2).ToList(), null, "apertium", "ar→en", 0.1), SiteServer.Now, Ct);

        var page = await GetAsync(ArabicPath + "?view=bilingual");

        var pairs = Pairs(page);
        Assert.Equal(ArabicSeed.Original.Count, pairs.Count);
        Assert.Equal(ArabicSeed.Original.Select(p => HtmlPage.Collapse(p.Text)),
            pairs.Select(p => BlockText(p.Single(b => b.ClassName == "original"))));
        Assert.Equal(["The authorities reopened the ports on Sunday morning after the storm.", "What changed"],
            pairs.SelectMany(p => p.Where(b => b.ClassName == "translation")).Select(b => HtmlPage.Collapse(b.TextContent)));
        Assert.All(pairs.Skip(2), p => Assert.Equal("original", Assert.Single(p).ClassName));
        Assert.Contains("the original now has 5 paragraphs, the translation 2", page.Text(".notice"));
        // No teaser in the translation: the original's stands alone.
        Assert.Equal("teaser original", Assert.Single(Pairs(page, withTeaser: true)[0]).ClassName);
    }

    [Fact]
    public async Task Bilingual_CachedApartFromThePage_OtherQueryValuesShareTheCachedCopy()
    {
        await CachedAsync(_site.BudgetPath);
        await CachedAsync(BudgetBilingual);

        using (var plain = await _site.Plain.GetAsync(_site.BudgetPath + "?utm_source=x", Ct))
        {
            Assert.NotNull(plain.Headers.Age);
            Assert.DoesNotContain("class=\"pair\"", await plain.Content.ReadAsStringAsync(Ct));
        }
        using var bilingual = await _site.Plain.GetAsync(BudgetBilingual + "&utm_source=y&ref=z", Ct);
        Assert.NotNull(bilingual.Headers.Age);
        Assert.Contains("class=\"pair\"", await bilingual.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Bilingual_Retranslation_ReachesTheCachedView()
    {
        await CachedAsync(BudgetBilingual);
        // The title stays, so the address stays.
        await _site.Server.Store.SaveTranslationAsync(_site.Seed.Budget, new TranslatedArticle("Government approves the budget", null,
            [new Paragraph("p", "The Cabinet passed the budget yesterday.", "The Cabinet passed the budget yesterday."),
             new Paragraph("h2", "The key points", "The key points"),
             new Paragraph("blockquote", "A good day", "A good day"),
             new Paragraph("ul", "<li>Health</li><li>Schools</li>", "Health\nSchools")],
            null, "apertium", "es→en", 0.01), SiteServer.Now, Ct);
        Assert.DoesNotContain("The Cabinet passed the budget yesterday.", await HtmlAsync(BudgetBilingual));

        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        var page = await HtmlPage.GetAsync(_site.Plain, BudgetBilingual, Ct);
        Assert.Equal("The Cabinet passed the budget yesterday.", BlockText(Pairs(page)[0][0]));
        Assert.Equal("El Gobierno aprobó ayer el presupuesto.", BlockText(Pairs(page)[0][1]));
    }

    [Fact]
    public async Task ArabicArticleAwaitingAnEngine_IsLaidOutRightToLeft()
    {
        var page = await GetAsync($"/article/{_arabic.Awaiting}/{Slug.From(ArabicSeed.AwaitingTitle)}");

        Assert.Equal(200, page.Status);
        foreach (var selector in new[] { "article h1", "article .teaser", "article .body" })
            Assert.Equal(("ar", "rtl"), (page.One(selector).GetAttribute("lang"), page.One(selector).GetAttribute("dir")));
        Assert.Null(page.One(".notice").GetAttribute("dir"));
        Assert.Null(page.One("html").GetAttribute("dir"));
    }

    [Fact]
    public async Task TranslatedArabicArticle_OriginalTextSectionIsRightToLeft_EnglishIsNot()
    {
        var page = await GetAsync(ArabicPath);

        var original = page.One("details.original > div");
        Assert.Equal(("ar", "rtl"), (original.GetAttribute("lang"), original.GetAttribute("dir")));
        Assert.Equal(("en", null), (page.One("article .body").GetAttribute("lang"), page.One("article .body").GetAttribute("dir")));
        Assert.Equal(("en", null), (page.One("article h1").GetAttribute("lang"), page.One("article h1").GetAttribute("dir")));
    }

    [Fact]
    public async Task ListTitleOfAnArabicOriginal_IsRightToLeft_TranslatedTitlesAreNot()
    {
        var page = await GetAsync("/");

        var titles = page.Document.QuerySelectorAll("a.title").ToList();
        var arabic = titles.First(a => a.TextContent == ArabicSeed.AwaitingTitle);
        Assert.Equal(("ar", "rtl"), (arabic.GetAttribute("lang"), arabic.GetAttribute("dir")));
        var english = titles.First(a => a.TextContent == "Ports reopen after the storm");
        Assert.Equal(("en", null), (english.GetAttribute("lang"), english.GetAttribute("dir")));
        var basque = titles.First(a => a.TextContent == "Gobernuak aurrekontua onartu du");
        Assert.Equal(("eu", null), (basque.GetAttribute("lang"), basque.GetAttribute("dir")));
    }

    [Fact]
    public async Task SearchSnippetAndTitleOfAnArabicOriginal_AreRightToLeft()
    {
        var page = await GetAsync("/search?q=" + Uri.EscapeDataString("الكهرباء"));

        var item = page.One("ol.results li");
        Assert.Equal(ArabicSeed.AwaitingTitle, item.QuerySelector("a.title")!.TextContent);
        Assert.Equal("rtl", item.QuerySelector("a.title")!.GetAttribute("dir"));
        var snippet = item.QuerySelector(".snippet")!;
        Assert.Equal(("ar", "rtl"), (snippet.GetAttribute("lang"), snippet.GetAttribute("dir")));
        Assert.Equal("الكهرباء", snippet.QuerySelector("mark")?.TextContent);
    }

    /// <summary>The body pairs (numbered ones; the teaser's pair too when asked), each as its blocks in order (not its "Report" link).</summary>
    private static List<List<IElement>> Pairs(HtmlPage page, bool withTeaser = false) =>
        page.Document.QuerySelectorAll(withTeaser ? ".pairs .pair" : ".pairs .pair[id]")
            .Select(p => p.Children.Where(c => !c.ClassList.Contains("report-link")).ToList()).ToList();

    /// <summary>A block's text; a list's items separated by spaces.</summary>
    private static string BlockText(IElement block)
    {
        var items = block.QuerySelectorAll("li");
        return items.Length > 0 ? string.Join(' ', items.Select(li => HtmlPage.Collapse(li.TextContent))) : HtmlPage.Collapse(block.TextContent);
    }

    private Task<HtmlPage> GetAsync(string path) => HtmlPage.GetAsync(_site.Server.Client, path, Ct);

    private async Task<string> HtmlAsync(string path) => (await HtmlPage.GetAsync(_site.Plain, path, Ct)).Html;

    private Task CachedAsync(string path) => _site.AssertCachedAsync(path, Ct);
}
