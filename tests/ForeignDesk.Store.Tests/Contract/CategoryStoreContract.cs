using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="ICategoryStore"/>: reclassification in batches, and the classifier's examples.</summary>
public abstract class CategoryStoreContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task ArticlesForCategoriesAsync_ScansInIdOrderWithTheSourceAndDateFilters()
    {
        var diario = await AddSourceAsync("El Diario");
        var gaceta = await AddSourceAsync("La Gaceta");
        var old = await SaveAsync(diario, "https://e.example/a", "Uno", Time.GetUtcNow().AddDays(-3));
        var recent = await SaveAsync(diario, "https://e.example/b", "Dos", Time.GetUtcNow());
        var elsewhere = await SaveAsync(gaceta, "https://g.example/c", "Tres", Time.GetUtcNow());
        await TranslateAsync(recent, "Two", "Body two", "Teaser two");

        var all = await Categories.ArticlesForCategoriesAsync(new CategoryScan(), 0, 10, Ct);
        Assert.Equal([old, recent, elsewhere], all.Select(a => a.ArticleId));
        Assert.Equal(new CategorizedArticle(recent, diario.Id, "Política", "https://e.example/b", "News/World", "Two\nTeaser two\nBody two"), all[1]);
        Assert.Null(all[0].EnglishText);
        Assert.Equal([old, recent], (await Categories.ArticlesForCategoriesAsync(new CategoryScan(diario.Id), 0, 10, Ct)).Select(a => a.ArticleId));
        Assert.Equal([recent, elsewhere], (await Categories.ArticlesForCategoriesAsync(new CategoryScan(SinceUtc: Time.GetUtcNow().AddDays(-1)), 0, 10, Ct)).Select(a => a.ArticleId));
        Assert.Equal([recent], (await Categories.ArticlesForCategoriesAsync(new CategoryScan(), old, 1, Ct)).Select(a => a.ArticleId));
    }

    [Fact]
    public async Task ChangeCategoriesAsync_LeavesArticlesThatChangedMeanwhile()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await SaveAsync(source, "https://e.example/a", "Uno");
        var b = await SaveAsync(source, "https://e.example/b", "Dos");
        await Categories.SetCategoryAsync(b, "Sports", Ct);

        var changed = await Categories.ChangeCategoriesAsync([new CategoryChange(a, "News/World", "Business"), new CategoryChange(b, "News/World", "Business")], Ct);

        Assert.Equal(1, changed);
        Assert.Equal("Business", (await Store.GetArticleAsync(a, Ct))!.Category);
        Assert.Equal("Sports", (await Store.GetArticleAsync(b, Ct))!.Category);
        Assert.Equal(0, await Categories.ChangeCategoriesAsync([], Ct));
    }

    [Fact]
    public async Task CategoryExamplesAsync_TranslatedArticlesNewestFirst()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await SaveAsync(source, "https://e.example/a", "Uno", Time.GetUtcNow());
        var b = await SaveAsync(source, "https://e.example/b", "Dos", Time.GetUtcNow().AddHours(1));
        await SaveAsync(source, "https://e.example/c", "Tres", Time.GetUtcNow().AddHours(2));
        await TranslateAsync(a, "One", "Body one");
        await TranslateAsync(b, "Two", "Body two");

        var examples = await Categories.CategoryExamplesAsync(10, Ct);

        Assert.Equal([new CategoryExample(b, "Política", "https://e.example/b", "Two\n\nBody two"), new CategoryExample(a, "Política", "https://e.example/a", "One\n\nBody one")], examples);
    }
}
