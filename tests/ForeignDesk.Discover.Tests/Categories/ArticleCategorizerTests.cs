using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Discover.Tests.Search;
using Xunit;

namespace ForeignDesk.Discover.Tests.Categories;

public sealed class ArticleCategorizerTests : IAsyncLifetime
{
    private NewsDesk _desk = null!;
    private Source _outlet = null!;
    private ArticleCategorizer _categorizer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _desk = await NewsDesk.OpenAsync(Ct);
        _outlet = await _desk.OutletAsync("El Diario", "es", "News/World", Ct);
        var sections = new Dictionary<string, string> { ["Sports"] = "Deportes", ["News/Politics"] = "Política", ["Business"] = "Economía", ["Health"] = "Salud" };
        var i = 0;
        foreach (var round in Enumerable.Range(0, 2))
            foreach (var (text, category) in NaiveBayesClassifierTests.Labelled)
                await _desk.ArticleAsync(_outlet, $"Original {i}", "Texto.", $"Story {i++}", text, NewsDesk.Now.AddMinutes(-i), Ct,
                    category: category, section: sections[category]);
        var mapper = new CategoryMapper(new SectionMap(null));
        _categorizer = new ArticleCategorizer(mapper, new CategoryModel(_desk.Store, mapper, _desk.Time), _desk.Store);
    }

    public async ValueTask DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task CategorizeAsync_NoSection_ClassifiesTheEnglishTextAndStoresIt()
    {
        var id = await _desk.ArticleAsync(_outlet, "Sin sección", "Texto.", "Cup final",
            "The striker scored and the club won the cup final match", NewsDesk.Now, Ct, path: "2026/11/29");
        var article = (await _desk.Store.GetArticleAsync(id, Ct))!;
        Assert.Equal("News/World", article.Category);

        var choice = await _categorizer.CategorizeAsync(article, article.Translation!, Ct);

        Assert.Equal(new CategoryChoice("Sports", CategoryBasis.Classifier), choice);
        Assert.Equal("Sports", (await _desk.Store.GetArticleAsync(id, Ct))!.Category);
        Assert.Contains((await _desk.Store.InCategoryAsync("Sports", null, 100, Ct)).Items, a => a.Id == id);
    }

    [Fact]
    public async Task CategorizeAsync_SectionGiven_KeepsTheSectionsCategory()
    {
        var id = await _desk.ArticleAsync(_outlet, "Opinión", "Texto.", "A column",
            "The striker scored and the club won the cup final match", NewsDesk.Now, Ct, category: "Opinion", section: "Opinión");
        var article = (await _desk.Store.GetArticleAsync(id, Ct))!;

        var choice = await _categorizer.CategorizeAsync(article, article.Translation!, Ct);

        Assert.Equal(new CategoryChoice("Opinion", CategoryBasis.Section), choice);
        Assert.Equal("Opinion", (await _desk.Store.GetArticleAsync(id, Ct))!.Category);
    }
}
