using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>Search results on a small multilingual news desk: ranking, stems, accents, snippets, filters, phrases, pages, updates.</summary>
public abstract class SearchResultsContract(StoreEngine engine) : StoreContract(engine)
{
    private Source _diario = null!;
    private Source _monde = null!;
    private long _budgetTitle, _budgetBody, _football, _french, _untranslated;

    protected override async Task SeedAsync()
    {
        _diario = await OutletAsync("El Diario", "es", "News/Politics", Ct);
        _monde = await OutletAsync("Le Monde Test", "fr", "News/World", Ct);
        var now = Now;
        _budgetTitle = await ArticleAsync(_diario, "El Gobierno aprueba el presupuesto", "Las cuentas del Estado.",
            "Government approves the budget", "The accounts of the State were approved.", now.AddHours(-5), Ct);
        _budgetBody = await ArticleAsync(_diario, "El Parlamento debate", "Los grupos hablan del presupuesto.",
            "Parliament debates", "The groups discuss the budget of the year and its budget lines.", now.AddHours(-1), Ct);
        _football = await ArticleAsync(_diario, "El Madrid gana la final", "Un gol en el último minuto.",
            "Madrid wins the final", "A goal in the last minute.", now.AddDays(-3), Ct, category: "Sports");
        _french = await ArticleAsync(_monde, "La politique économique du gouvernement", "Le budget est adopté à l'Assemblée.",
            "The economic policy of the government", "The budget is adopted in the Assembly.", now.AddDays(-10), Ct);
        _untranslated = await ArticleAsync(_diario, "Política sanitaria en Galicia", "La consejera presentó el plan de política sanitaria.",
            null, null, now.AddHours(-2), Ct);
    }

    private Task<SearchResults> SearchAsync(SearchQuery query) => Search.SearchAsync(query, Ct);

    [Fact]
    public async Task SearchAsync_Relevance_TitleMatchRanksAboveBodyMatch()
    {
        var results = await SearchAsync(new SearchQuery("budget"));

        Assert.Null(results.Message);
        Assert.Equal(3, results.Total);
        Assert.Equal(_budgetTitle, results.Hits[0].Article.Id);
        Assert.Equal([_budgetTitle, _budgetBody, _french], results.Hits.Select(h => h.Article.Id).Order());
    }

    [Fact]
    public async Task SearchAsync_Newest_OrdersByPublication()
    {
        var results = await SearchAsync(new SearchQuery("budget", Sort: SearchSort.Newest));
        Assert.Equal([_budgetBody, _budgetTitle, _french], results.Hits.Select(h => h.Article.Id));
    }

    [Fact]
    public async Task SearchAsync_OriginalText_MatchesWithoutAccentsAndHighlightsInTheOriginal()
    {
        var results = await SearchAsync(new SearchQuery("politica sanitaria"));

        var hit = Assert.Single(results.Hits);
        Assert.Equal(_untranslated, hit.Article.Id);
        Assert.Equal("es", hit.SnippetLanguage);
        Assert.Contains(hit.Snippet, p => p.Highlighted && p.Text.Contains("política"));
    }

    [Fact]
    public async Task SearchAsync_EnglishStem_FindsInflectedForms()
    {
        var results = await SearchAsync(new SearchQuery("approve"));
        Assert.Contains(results.Hits, h => h.Article.Id == _budgetTitle);
    }

    [Fact]
    public async Task SearchAsync_Snippet_HighlightsTheMatchedWordsAsPlainText()
    {
        var results = await SearchAsync(new SearchQuery("budget lines"));

        var hit = Assert.Single(results.Hits);
        Assert.Equal("en", hit.SnippetLanguage);
        Assert.Equal(["budget", "budget", "lines"], hit.Snippet.Where(p => p.Highlighted).SelectMany(p => p.Text.Split(' ')));
        Assert.Equal("The groups discuss the budget of the year and its budget lines.", string.Concat(hit.Snippet.Select(p => p.Text)));
    }

    [Fact]
    public async Task SearchAsync_MarkupInText_StaysTextAndMarkersCannotBeForged()
    {
        var id = await ArticleAsync(_diario, "Titular", "Texto.", "Headline",
            "Read <script>alert('budget')</script> and \uE000fake\uE001 budget notes", Now, Ct);

        var hit = (await SearchAsync(new SearchQuery("notes"))).Hits.Single(h => h.Article.Id == id);

        Assert.Equal(["notes"], hit.Snippet.Where(p => p.Highlighted).Select(p => p.Text));
        var text = string.Concat(hit.Snippet.Select(p => p.Text));
        Assert.Contains("<script>alert('budget')</script>", text);
        Assert.DoesNotContain('\uE000', text);
    }

    [Fact]
    public async Task SearchAsync_Filters_NarrowByLanguageOutletCategoryAndDates()
    {
        var now = Now;
        Assert.Equal([_french], (await SearchAsync(new SearchQuery("budget", Language: "fr"))).Hits.Select(h => h.Article.Id));
        Assert.Equal([_french], (await SearchAsync(new SearchQuery("budget", SourceSlug: _monde.Slug))).Hits.Select(h => h.Article.Id));
        Assert.Equal([_football], (await SearchAsync(new SearchQuery("final", Category: "Sports"))).Hits.Select(h => h.Article.Id));
        Assert.Empty((await SearchAsync(new SearchQuery("final", Category: "Business"))).Hits);
        var lastDay = await SearchAsync(new SearchQuery("budget", FromUtc: now.AddDays(-1), ToUtc: now));
        Assert.Equal([_budgetBody, _budgetTitle], lastDay.Hits.Select(h => h.Article.Id).Order().Reverse());
        var older = await SearchAsync(new SearchQuery("budget", ToUtc: now.AddDays(-1)));
        Assert.Equal([_french], older.Hits.Select(h => h.Article.Id));
    }

    [Fact]
    public async Task SearchAsync_PhraseAndExclusion_AreHonoured()
    {
        Assert.Equal([_budgetTitle], (await SearchAsync(new SearchQuery("\"approves the budget\""))).Hits.Select(h => h.Article.Id));
        Assert.Empty((await SearchAsync(new SearchQuery("\"budget approves\""))).Hits);
        var withoutParliament = await SearchAsync(new SearchQuery("budget -parliament"));
        Assert.DoesNotContain(withoutParliament.Hits, h => h.Article.Id == _budgetBody);
        Assert.Equal(2, withoutParliament.Total);
        Assert.Contains((await SearchAsync(new SearchQuery("parlia*"))).Hits, h => h.Article.Id == _budgetBody);
    }

    [Fact]
    public async Task SearchAsync_Pages_SplitResultsWithoutRepeats()
    {
        for (var i = 0; i < 23; i++)
            await ArticleAsync(_monde, $"Volcan {i}", "Éruption.", $"Volcano report {i}", "The volcano erupted again.", Now.AddMinutes(-i), Ct);

        var pages = new List<SearchResults>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await SearchAsync(new SearchQuery("volcano", Sort: SearchSort.Newest, Page: page, PageSize: 10)));

        Assert.All(pages, p => Assert.Equal(23, p.Total));
        Assert.Equal(3, pages[0].PageCount);
        Assert.Equal([10, 10, 3], pages.Select(p => p.Hits.Count));
        Assert.Equal(23, pages.SelectMany(p => p.Hits).Select(h => h.Article.Id).Distinct().Count());
        Assert.Equal("Volcano report 0", pages[0].Hits[0].Article.Title);
        var beyond = await SearchAsync(new SearchQuery("volcano", Page: 9, PageSize: 10));
        Assert.Empty(beyond.Hits);
        Assert.Equal(23, beyond.Total);
        Assert.NotNull((await SearchAsync(new SearchQuery("volcano", Page: 0))).Message);
    }

    [Fact]
    public async Task SaveArticleAsync_UpdatedTextAndTranslation_AreReindexed()
    {
        var id = await ArticleAsync(_diario, "Incendio forestal", "Arde el monte.", null, null, Now, Ct);
        Assert.Single((await SearchAsync(new SearchQuery("incendio"))).Hits);
        Assert.Empty((await SearchAsync(new SearchQuery("wildfire"))).Hits);

        await Store.SaveTranslationAsync(id, new TranslatedArticle("Forest wildfire", null,
            [new Paragraph("p", "The hill burns.", "The hill burns.")], null, "apertium", "es→en", 0), Now, Ct);

        Assert.Equal([id], (await SearchAsync(new SearchQuery("wildfire"))).Hits.Select(h => h.Article.Id));
    }
}
