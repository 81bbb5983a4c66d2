using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The contract of <see cref="ISearchIndex"/>: the same query language (words, "phrases", -exclusions, prefix*) over the
/// English and the original text, folded case, accents and English endings, the same filters, ranking and snippets.
/// </summary>
public abstract class SearchIndexContract(StoreEngine engine) : StoreContract(engine)
{
    private long _harbour, _strike, _election, _bridge;
    private Source _diario = null!, _zeitung = null!;

    protected override async Task SeedAsync()
    {
        _diario = await AddSourceAsync("El Diario");
        _zeitung = await AddSourceAsync("Die Zeitung", language: "de");
        var now = Time.GetUtcNow();
        _harbour = await SaveAsync(_diario, "https://e.example/1", "Huelga en el puerto", now.AddHours(-3), "Los estibadores del puerto de Valencia paran.");
        await TranslateAsync(_harbour, "Strike at the harbour", "Dock workers at the port of Valencia walk out over pay.");
        _strike = await SaveAsync(_diario, "https://e.example/2", "Presupuesto municipal", now.AddHours(-2), "El ayuntamiento aprueba el presupuesto.");
        await TranslateAsync(_strike, "City budget approved", "The council approved the budget; a harbour strike was mentioned.");
        _election = await SaveAsync(_diario, "https://e.example/3", "Elecciones anticipadas", now.AddHours(-1), "La elección será en marzo.");
        await TranslateAsync(_election, "Early elections called", "The election will be held in March.");
        var draft = Draft(_zeitung, "https://z.example/4", "h4", "Brückenbau in Köln", "Die neue Brücke über den Rhein wird eröffnet.") with
        {
            Language = "de", Category = "Science", PublishedUtc = now,
        };
        _bridge = (await Store.SaveArticleAsync(draft, now, Ct)).ArticleId;
    }

    private async Task<IReadOnlyList<long>> IdsAsync(SearchQuery query) => (await Search.SearchAsync(query, Ct)).Hits.Select(h => h.Article.Id).ToList();

    [Fact]
    public async Task SearchAsync_WordsPhrasesExclusionsAndPrefixes()
    {
        Assert.Equal([_harbour, _strike], (await IdsAsync(new SearchQuery("harbour strike"))).Order());
        Assert.Equal([_harbour], await IdsAsync(new SearchQuery("\"strike at the harbour\"")));
        Assert.Equal([_harbour], await IdsAsync(new SearchQuery("harbour -budget")));
        Assert.Equal([_harbour], await IdsAsync(new SearchQuery("harbour -\"city budget\"")));
        Assert.Equal([_strike, _harbour], await IdsAsync(new SearchQuery("harb* strike", Sort: SearchSort.Newest)));
        Assert.Empty(await IdsAsync(new SearchQuery("harbour volcano")));
    }

    [Fact]
    public async Task SearchAsync_FoldsCaseAccentsAndEnglishEndings()
    {
        Assert.Equal([_election], await IdsAsync(new SearchQuery("ELECTION")));
        Assert.Equal([_election], await IdsAsync(new SearchQuery("elections")));
        Assert.Equal([_election], await IdsAsync(new SearchQuery("eleccion")));
        Assert.Equal([_bridge], await IdsAsync(new SearchQuery("brucke")));
        Assert.Equal([_bridge], await IdsAsync(new SearchQuery("KÖLN")));
    }

    [Fact]
    public async Task SearchAsync_FindsTheOriginalAndShowsItsSnippet()
    {
        var results = await Search.SearchAsync(new SearchQuery("estibadores"), Ct);

        var hit = Assert.Single(results.Hits);
        Assert.Equal(_harbour, hit.Article.Id);
        Assert.Equal("es", hit.SnippetLanguage);
        Assert.Equal(["estibadores"], hit.Snippet.Where(p => p.Highlighted).Select(p => p.Text));
        var english = Assert.Single((await Search.SearchAsync(new SearchQuery("dock"), Ct)).Hits);
        Assert.Equal("en", english.SnippetLanguage);
        Assert.Contains(english.Snippet, p => p.Highlighted && p.Text == "Dock");
        Assert.Equal("Strike at the harbour", english.Article.Title);
    }

    [Fact]
    public async Task SearchAsync_Filters()
    {
        var now = Time.GetUtcNow();

        Assert.Equal([_bridge], await IdsAsync(new SearchQuery("brücke OR harbour -nothing") with { Text = "brücke" }));
        Assert.Empty(await IdsAsync(new SearchQuery("brücke", Language: "es")));
        Assert.Equal([_bridge], await IdsAsync(new SearchQuery("brücke", Language: "de", SourceSlug: _zeitung.Slug, Category: "Science")));
        Assert.Empty(await IdsAsync(new SearchQuery("brücke", SourceSlug: _diario.Slug)));
        Assert.Empty(await IdsAsync(new SearchQuery("brücke", Category: "News/World")));
        Assert.Equal([_strike], await IdsAsync(new SearchQuery("harbour", FromUtc: now.AddHours(-2), ToUtc: now.AddHours(-1))));
        Assert.Equal([_harbour], await IdsAsync(new SearchQuery("harbour", UpToId: _harbour)));
    }

    [Fact]
    public async Task SearchAsync_RanksTitleMatchesFirstAndPages()
    {
        Assert.Equal([_harbour, _strike], await IdsAsync(new SearchQuery("harbour")));
        var first = await Search.SearchAsync(new SearchQuery("harbour", PageSize: 1), Ct);
        var second = await Search.SearchAsync(new SearchQuery("harbour", PageSize: 1, Page: 2, UpToId: first.UpToId), Ct);
        var beyond = await Search.SearchAsync(new SearchQuery("harbour", PageSize: 1, Page: 3, UpToId: first.UpToId), Ct);

        Assert.Equal((2, false), (first.Total, first.TotalIsLowerBound));
        Assert.Equal([_harbour], first.Hits.Select(h => h.Article.Id));
        Assert.Equal([_strike], second.Hits.Select(h => h.Article.Id));
        Assert.Equal((0, 2), (beyond.Hits.Count, beyond.Total));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-harbour")]
    [InlineData("\" ( ) : ^ *")]
    public async Task SearchAsync_NothingToSearch_AnswersWithAMessage(string text)
    {
        var results = await Search.SearchAsync(new SearchQuery(text), Ct);

        Assert.Empty(results.Hits);
        Assert.False(string.IsNullOrWhiteSpace(results.Message));
    }

    [Theory]
    [InlineData("harbour AND NOT strike")]
    [InlineData("harbour OR (strike")]
    [InlineData("title_en:harbour NEAR(strike)")]
    [InlineData("harbour' & !strike | x:*")]
    [InlineData("\"unclosed harbour")]
    public async Task SearchAsync_OperatorsOfEitherEngine_AreReadAsWords(string text)
    {
        var results = await Search.SearchAsync(new SearchQuery(text), Ct);

        Assert.Null(results.Message);
        Assert.All(results.Hits, h => Assert.Contains(h.Article.Id, new[] { _harbour, _strike }));
    }

    [Fact]
    public async Task SearchAsync_PageOutOfRange_AnswersWithAMessage()
    {
        Assert.NotNull((await Search.SearchAsync(new SearchQuery("harbour", Page: 0), Ct)).Message);
        Assert.NotNull((await Search.SearchAsync(new SearchQuery("harbour", PageSize: 1000), Ct)).Message);
    }
}
