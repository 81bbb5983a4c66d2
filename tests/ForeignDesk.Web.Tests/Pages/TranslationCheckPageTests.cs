using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// A paragraph whose translation lost a number, amount or date is marked on the article page with a note that opens the
/// side-by-side view at it; the side-by-side view marks the same pair; a faithful translation shows no mark.
/// </summary>
public sealed class TranslationCheckPageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;
    private long _broken;
    private long _faithful;

    private static readonly IReadOnlyList<Paragraph> German =
    [
        P("Der Stadtrat hat am Montag den Haushalt beschlossen."),
        P("Er umfasst 1.250.000 Euro für Schulen, 25,7 % mehr als im Vorjahr."),
        P("Die Bauarbeiten beginnen am 3. März 2027."),
    ];

    public async ValueTask InitializeAsync()
    {
        _site = await SeededSite.StartAsync(Ct);
        var store = _site.Server.Store;
        var outlet = await store.AddSourceAsync(new SourceDraft("Stadtanzeiger Test", new Uri("https://stadtanzeiger.example/"),
            [new Uri("https://stadtanzeiger.example/rss")], "de", "News/Europe", "Europe/Berlin"), Ct);
        var published = new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero);

        _broken = await NewsSeed.SaveAsync(store, outlet, "https://stadtanzeiger.example/haushalt",
            NewsSeed.Article("Stadtrat beschließt Haushalt", null, null, German, published, null, null), published, estimated: false, SiteServer.Now, Ct);
        IReadOnlyList<Paragraph> broken =
        [
            P("The city council adopted the budget on Monday."),
            P("It includes 1.250 euros for schools, 25.7 more than the previous year."),
            P("Construction begins on 3 March 2027."),
        ];
        // The checks as the translator records them with the translation.
        await store.SaveTranslationAsync(_broken, new TranslatedArticle("City council adopts budget", null, broken, null, "hostile-engine", "de→en", 0)
        {
            Checks = TranslationChecks.Paragraphs(German, broken, "de"),
        }, SiteServer.Now, Ct);

        _faithful = await NewsSeed.SaveAsync(store, outlet, "https://stadtanzeiger.example/haushalt-2",
            NewsSeed.Article("Stadtrat beschließt Haushalt erneut", null, null, German, published, null, null), published, estimated: false, SiteServer.Now, Ct);
        await store.SaveTranslationAsync(_faithful, new TranslatedArticle("City council adopts budget again", null,
        [
            P("The city council adopted the budget on Monday."),
            P("It includes €1,250,000 for schools, 25.7% more than the previous year."),
            P("Construction begins on March 3, 2027."),
        ], null, "apertium", "de→en", 0), SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private static Paragraph P(string text) => new("p", text, text);

    [Fact]
    public async Task ArticlePage_MarksTheParagraphThatLostFacts_AndLinksToItBesideTheOriginal()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_broken}", Ct);

        Assert.Equal(200, page.Status);
        var marked = page.Document.QuerySelectorAll(".body .check-failed");
        Assert.Equal(["It includes 1.250 euros for schools, 25.7 more than the previous year."], marked.Select(m => HtmlPage.Collapse(m.TextContent)));
        var note = page.One(".body .check-note");
        Assert.Same(marked[0].NextElementSibling, note);
        Assert.Contains("the amount “1.250.000 (EUR)”", note.TextContent);
        Assert.Contains("the percentage “25,7 %”", note.TextContent);
        Assert.EndsWith("?view=bilingual#p2", note.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Status_CountsTranslationsWithFailedChecks_PerEngineAndLanguage()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, "/status", Ct);

        var rows = page.Document.QuerySelectorAll("table.checks tbody tr")
            .ToDictionary(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td[data-label='Language']")!.TextContent),
                r => string.Join(" ", r.QuerySelectorAll("td:not([data-label='Language'])").Select(td => td.TextContent)));
        Assert.Equal("1 1 1 1 1 1", rows[("hostile-engine", "German")]);
        Assert.Equal("1 0 0 1 0 0", rows[("apertium", "German")]);
    }

    [Fact]
    public async Task BilingualView_MarksTheSamePair()
    {
        var article = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_broken}", Ct);
        var link = article.One(".body .check-note a").GetAttribute("href")!;
        var page = await HtmlPage.GetAsync(_site.Server.Client, link[..link.IndexOf('#')], Ct);

        Assert.Equal(200, page.Status);
        var pair = page.One("#p2");
        Assert.Equal("translation check-failed", pair.QuerySelector(".translation")!.ClassName);
        Assert.Contains("1.250.000", pair.QuerySelector(".check-note")!.TextContent);
        Assert.Single(page.Document.QuerySelectorAll(".check-note"));
    }

    [Fact]
    public async Task FaithfulTranslation_NoMark()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_faithful}", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal(3, page.Document.QuerySelectorAll(".body p").Length);
        Assert.Empty(page.Document.QuerySelectorAll(".check-failed, .check-note"));
    }
}
