using System.Text;
using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="IArticleStore"/>: sources, fetch state and health, articles, lists, views.</summary>
public abstract class ArticleStoreContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task MigrateAsync_RunTwice_KeepsData()
    {
        await AddSourceAsync("El Diario");
        await Store.MigrateAsync(Ct);
        Assert.Single(await Store.ListSourcesAsync(Ct));
        Assert.True(await Store.IsSchemaCurrentAsync(Ct));
    }

    [Fact]
    public async Task AddSourceAsync_SameName_GetsDistinctSlugs()
    {
        var first = await AddSourceAsync("Le Monde");
        var second = await AddSourceAsync("Le Monde");
        Assert.Equal("le-monde", first.Slug);
        Assert.Equal("le-monde-2", second.Slug);
        Assert.Equal(first.FeedUrls, (await Store.GetSourceAsync("le-monde", Ct))!.FeedUrls);
    }

    [Fact]
    public async Task GetSourceAsync_ById_ReadsThatSourceOrNullWhenGone()
    {
        await AddSourceAsync("Le Monde");
        var second = await AddSourceAsync("El País");

        var read = await Store.GetSourceAsync(second.Id, Ct);
        Assert.Equal((second.Slug, second.TimeZone), (read!.Slug, read.TimeZone));
        Assert.Equal(second.FeedUrls, read.FeedUrls);
        Assert.True(await Store.RemoveSourceAsync(second.Slug, Ct));
        Assert.Null(await Store.GetSourceAsync(second.Id, Ct));
    }

    [Fact]
    public async Task SaveArticleAsync_SameUrlTwice_IsUnchangedThenUpdatedWhenHashChanges()
    {
        var source = await AddSourceAsync("El Diario");
        var created = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), Time.GetUtcNow(), Ct);
        var again = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), Time.GetUtcNow(), Ct);
        var changed = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h2", "Título nuevo"), Time.GetUtcNow(), Ct);

        Assert.Equal(ArticleChange.Created, created.Change);
        Assert.Equal(ArticleChange.Unchanged, again.Change);
        Assert.Equal(ArticleChange.Updated, changed.Change);
        Assert.Equal(created.ArticleId, changed.ArticleId);
        var stored = await Store.GetArticleAsync(created.ArticleId, Ct);
        Assert.Equal("Título nuevo", stored!.Original.Title);
        Assert.Single((await Store.FromSourceAsync(source.Id, null, 10, Ct)).Items);
    }

    [Fact]
    public async Task SaveTranslationAsync_ThenRead_ShowsEnglishTitleAndState()
    {
        var source = await AddSourceAsync("El Diario");
        var saved = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), Time.GetUtcNow(), Ct);
        Assert.Equal([saved.ArticleId], await Store.UntranslatedAsync(10, Ct));

        await Store.SaveTranslationAsync(saved.ArticleId,
            new TranslatedArticle("English title", "Teaser", [new Paragraph("p", "Hello <a href=\"https://x.example/\">world</a>", "Hello world")],
                null, "apertium", "es→en", 0.1), Time.GetUtcNow(), Ct);

        var stored = await Store.GetArticleAsync(saved.ArticleId, Ct);
        Assert.Equal(ArticleState.Translated, stored!.State);
        Assert.Equal("English title", stored.DisplayTitle);
        Assert.Equal("es→en", stored.Translation!.Route);
        Assert.Empty(await Store.UntranslatedAsync(10, Ct));
        Assert.Equal("English title", (await Store.LatestAsync(5, Ct)).Single().Title);
    }

    [Fact]
    public async Task OnDateAsync_UsesOutletLocalDate()
    {
        var source = await AddSourceAsync("El Diario", "Europe/Madrid");
        // 23:30 UTC on the 28th is 00:30 on the 29th in Madrid.
        var draft = Draft(source, "https://e.example/late", "h") with { PublishedUtc = new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero) };
        await Store.SaveArticleAsync(draft, Time.GetUtcNow(), Ct);
        Assert.Single((await Store.OnDateAsync(new DateOnly(2026, 11, 29), null, 50, Ct)).Items);
        Assert.Empty((await Store.OnDateAsync(new DateOnly(2026, 11, 28), null, 50, Ct)).Items);
    }

    [Fact]
    public async Task TrendingAsync_RanksByViewsInWindow()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "a"), Time.GetUtcNow(), Ct);
        var b = await Store.SaveArticleAsync(Draft(source, "https://e.example/b", "b", "Otro título"), Time.GetUtcNow(), Ct);
        await Store.RecordViewAsync(a.ArticleId, Time.GetUtcNow().AddHours(-30), Ct);
        await Store.RecordViewAsync(a.ArticleId, Time.GetUtcNow().AddHours(-30), Ct);
        await Store.RecordViewAsync(a.ArticleId, Time.GetUtcNow().AddHours(-30), Ct);
        await Store.RecordViewAsync(b.ArticleId, Time.GetUtcNow(), Ct);
        await Store.RecordViewAsync(b.ArticleId, Time.GetUtcNow(), Ct);
        await Store.RecordViewAsync(a.ArticleId, Time.GetUtcNow(), Ct);

        var trending = await Store.TrendingAsync(Time.GetUtcNow().AddHours(-24), 10, Ct);
        Assert.Equal([b.ArticleId, a.ArticleId], trending.Select(t => t.Id));
        Assert.Equal(2, trending[0].Views);
    }

    [Fact]
    public async Task GetPageAsync_ReturnsTheStoredBytes()
    {
        var source = await AddSourceAsync("El Diario");
        var saved = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h"), Time.GetUtcNow(), Ct);
        var page = await Store.GetPageAsync(saved.ArticleId, Ct);
        Assert.Equal("<html>página</html>", Encoding.UTF8.GetString(page!.Body));
        Assert.Equal("\"v1\"", page.ETag);
    }

    [Fact]
    public async Task RecordProblemAsync_FeedFailure_ShowsInHealth()
    {
        var source = await AddSourceAsync("El Diario");
        await Store.RecordProblemAsync(new FetchProblem(source.Id, "https://e.example/feed", "feed", "HTTP 500", Time.GetUtcNow()), Ct);
        var health = Assert.Single(await Store.SourceHealthAsync(Time.GetUtcNow(), Ct));
        Assert.Equal(1, health.ConsecutiveErrors);
        Assert.Contains("HTTP 500", health.LastError);
        await Store.RecordSourceSuccessAsync(source.Id, Time.GetUtcNow(), Ct);
        Assert.Equal(0, (await Store.SourceHealthAsync(Time.GetUtcNow(), Ct))[0].ConsecutiveErrors);
        Assert.Single(await Store.RecentProblemsAsync(10, Ct));
    }

    [Fact]
    public async Task RelatedAsync_PrefersSharedWordsAndNeverTheArticleItself()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "a", "Earthquake hits Granada province"), Time.GetUtcNow(), Ct);
        var b = await Store.SaveArticleAsync(Draft(source, "https://e.example/b", "b", "Granada earthquake damage assessed"), Time.GetUtcNow(), Ct);
        await Store.SaveArticleAsync(Draft(source, "https://e.example/c", "c", "Football league results"), Time.GetUtcNow(), Ct);

        var related = await Store.RelatedAsync(a.ArticleId, 5, Ct);
        Assert.Equal([b.ArticleId], related.Select(r => r.Id));
    }

    [Fact]
    public async Task RemoveSourceAsync_RemovesItsArticles()
    {
        var source = await AddSourceAsync("El Diario");
        await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h"), Time.GetUtcNow(), Ct);
        Assert.True(await Store.RemoveSourceAsync(source.Slug, Ct));
        Assert.False(await Store.RemoveSourceAsync(source.Slug, Ct));
        Assert.Empty(await Store.LatestAsync(10, Ct));
    }

    [Fact]
    public async Task SourceArticleCountsAsync_CountsTheArticlesDetectedInAnotherLanguage()
    {
        var source = await AddSourceAsync("El Diario");
        var other = await AddSourceAsync("La Gaceta");
        await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), Time.GetUtcNow(), Ct);
        await Store.SaveArticleAsync(Draft(source, "https://e.example/b", "h1") with { Language = "de", DetectedOtherLanguage = true }, Time.GetUtcNow(), Ct);
        await Store.SaveArticleAsync(Draft(source, "https://e.example/c", "h1") with { Language = "ca", DetectedOtherLanguage = true }, Time.GetUtcNow(), Ct);
        await Store.SaveArticleAsync(Draft(other, "https://e.example/d", "h1"), Time.GetUtcNow(), Ct);
        // An update that finds the article in the configured language after all takes it out of the count.
        await Store.SaveArticleAsync(Draft(source, "https://e.example/c", "h2"), Time.GetUtcNow(), Ct);

        var counts = (await Store.SourceArticleCountsAsync(Time.GetUtcNow(), Ct)).ToDictionary(c => c.SourceId);

        Assert.Equal(new SourceArticleCounts(source.Id, 3, 3, 1, 0), counts[source.Id]);
        Assert.Equal(new SourceArticleCounts(other.Id, 1, 1, 0, 0), counts[other.Id]);
    }

    [Fact]
    public async Task SourceArticleCountsAsync_CountsTheArticlesAwaitingAnEngine()
    {
        var source = await AddSourceAsync("El Diario");
        var other = await AddSourceAsync("La Gaceta");
        var german = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1") with { Language = "de", DetectedOtherLanguage = true }, Time.GetUtcNow(), Ct);
        var basque = await Store.SaveArticleAsync(Draft(source, "https://e.example/b", "h1") with { Language = "eu" }, Time.GetUtcNow(), Ct);
        await Store.SaveArticleAsync(Draft(source, "https://e.example/c", "h1"), Time.GetUtcNow(), Ct);
        var elsewhere = await Store.SaveArticleAsync(Draft(other, "https://e.example/d", "h1"), Time.GetUtcNow(), Ct);
        await Store.MarkAwaitingEngineAsync(german.ArticleId, Ct);
        await Store.MarkAwaitingEngineAsync(basque.ArticleId, Ct);
        await Store.MarkAwaitingEngineAsync(elsewhere.ArticleId, Ct);
        // An engine came for Basque: the article is translated and leaves the count.
        await Store.SaveTranslationAsync(basque.ArticleId, new TranslatedArticle("Title", null, [], null, "apertium", "eu→en", 0.2), Time.GetUtcNow(), Ct);

        var counts = (await Store.SourceArticleCountsAsync(Time.GetUtcNow(), Ct)).ToDictionary(c => c.SourceId);

        Assert.Equal(new SourceArticleCounts(source.Id, 3, 3, 1, 1), counts[source.Id]);
        Assert.Equal(new SourceArticleCounts(other.Id, 1, 1, 0, 1), counts[other.Id]);
    }

    [Fact]
    public async Task SaveArticleAsync_SameContentInAnotherLanguage_IsUpdatedForTranslationAgain()
    {
        var source = await AddSourceAsync("El Diario");
        var created = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), Time.GetUtcNow(), Ct);
        await Store.SaveTranslationAsync(created.ArticleId,
            new TranslatedArticle("Title", null, [], null, "apertium", "es→en", 0.5), Time.GetUtcNow(), Ct);

        var german = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1") with { Language = "de", DetectedOtherLanguage = true }, Time.GetUtcNow(), Ct);
        var again = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1") with { Language = "de", DetectedOtherLanguage = true }, Time.GetUtcNow(), Ct);

        Assert.Equal(ArticleChange.Updated, german.Change);
        Assert.Equal(ArticleChange.Unchanged, again.Change);
        var stored = await Store.GetArticleAsync(created.ArticleId, Ct);
        Assert.Equal("de", stored!.Language);
        Assert.Equal(ArticleState.Extracted, stored.State);
        Assert.Equal([created.ArticleId], await Store.UntranslatedAsync(10, Ct));
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData(" ES , ca ", "es,ca")]
    [InlineData("es ca es", "es,ca")]
    [InlineData("auto", null)]
    [InlineData("", null)]
    public async Task AddSourceAsync_Languages_AreStoredAsOneCommaList(string given, string? stored)
    {
        var source = await Store.AddSourceAsync(new SourceDraft("Multi", new Uri("https://m.example/"), [new Uri("https://m.example/feed.xml")], given, "News/World", "UTC"), Ct);

        var read = await Store.GetSourceAsync(source.Slug, Ct);
        Assert.Equal(stored, read!.Language);
        Assert.Equal(stored, source.Language);
        Assert.Equal(stored is null ? [] : stored.Split(','), read.Languages);
    }

    [Fact]
    public async Task Validators_RoundTrip()
    {
        Assert.Null(await Store.GetValidatorsAsync("https://e.example/feed", Ct));
        await Store.SaveValidatorsAsync("https://e.example/feed", new HttpValidators("\"e1\"", "Sun, 29 Nov 2026 08:00:00 GMT"), Ct);
        await Store.SaveValidatorsAsync("https://e.example/feed", new HttpValidators("\"e2\"", null), Ct);
        Assert.Equal(new HttpValidators("\"e2\"", null), await Store.GetValidatorsAsync("https://e.example/feed", Ct));
    }

    [Fact]
    public async Task ListLines_FollowEveryChangeOfTheirArticle()
    {
        // A list line follows its article: new, updated, translated, reclassified, removed.
        var source = await AddSourceAsync("El Diario");
        var saved = await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1", "Primer título"), Time.GetUtcNow(), Ct);
        Assert.Equal("Primer título", (await Store.LatestAsync(5, Ct)).Single().Title);

        await Store.SaveArticleAsync(Draft(source, "https://e.example/a", "h2", "Título cambiado"), Time.GetUtcNow(), Ct);
        Assert.Equal("Título cambiado", (await Store.FromSourceAsync(source.Id, null, 10, Ct)).Items.Single().Title);

        await Store.SaveTranslationAsync(saved.ArticleId,
            new TranslatedArticle("Changed title", "The teaser", [new Paragraph("p", "Body", "Body")], null, "apertium", "es→en", 0.1),
            Time.GetUtcNow(), Ct);
        var line = (await Store.InCategoryAsync("News/World", null, 10, Ct)).Items.Single();
        Assert.Equal(("Changed title", "The teaser", ArticleState.Translated), (line.Title, line.Teaser, line.State));

        await Categories.SetCategoryAsync(saved.ArticleId, "Sports", Ct);
        Assert.Empty((await Store.InCategoryAsync("News/World", null, 10, Ct)).Items);
        Assert.Equal("Sports", (await Store.InCategoryAsync("Sports", null, 10, Ct)).Items.Single().Category);

        Assert.True(await Store.RemoveSourceAsync(source.Slug, Ct));
        Assert.Empty(await Store.LatestAsync(5, Ct));
        Assert.Empty(await Store.AllArticleIdsAsync(Ct));
    }

    [Fact]
    public async Task SaveArticle_WithBodyImagesAndTranslatedCaptions_ReadsThemBack()
    {
        ArticleImage[] images =
        [
            new("https://e.example/img/obras.jpg", "Obras en Madrid.", "Luis Gómez / Europa Press") { Position = 2 },
            new("https://e.example/img/mapa.jpg", null, "EFE"),
        ];
        var source = await AddSourceAsync("El Diario");
        var draft = Draft(source, "https://e.example/a", "h1");
        var id = (await Store.SaveArticleAsync(draft with { Original = draft.Original with { Images = images } }, Time.GetUtcNow(), Ct)).ArticleId;
        await Store.SaveTranslationAsync(id,
            new TranslatedArticle("A title", null, [new Paragraph("p", "Text.", "Text.")], "Minister", "apertium", "es→en", 0) { ImageCaptions = ["Works in Madrid.", null] },
            Time.GetUtcNow(), Ct);

        var stored = await Store.GetArticleAsync(id, Ct);

        Assert.Equal(images, stored!.Original.Images);
        Assert.Equal([2, null], stored.Original.Images.Select(i => i.Position));
        Assert.Equal(["Works in Madrid.", null], stored.Translation!.ImageCaptions);
        Assert.Equal("Minister", stored.Translation.ImageCaption);
    }

    [Fact]
    public async Task FindByUrlAsync_ReadsTheWholeArticle()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/a", "Un título");

        var found = await Store.FindByUrlAsync("https://e.example/a", Ct);

        Assert.Equal(id, found!.Id);
        Assert.Equal(("el-diario", "El Diario", "Europe/Madrid", ArticleState.Extracted), (found.SourceSlug, found.SourceName, found.TimeZone, found.State));
        Assert.Equal(Time.GetUtcNow(), found.PublishedUtc);
        Assert.Null(await Store.FindByUrlAsync("https://e.example/none", Ct));
        Assert.Equal([id], await Store.AllArticleIdsAsync(Ct));
    }

    [Fact]
    public async Task MarkAwaitingEngineAsync_StaysUntranslated()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/a", "Un título");
        await Store.MarkAwaitingEngineAsync(id, Ct);
        Assert.Equal(ArticleState.AwaitingEngine, (await Store.GetArticleAsync(id, Ct))!.State);
        Assert.Equal([id], await Store.UntranslatedAsync(10, Ct));
    }

    [Fact]
    public async Task Pages_WalkNewestFirstByKeyBothWays()
    {
        var source = await AddSourceAsync("El Diario");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await SaveAsync(source, $"https://e.example/{i}", $"Título {i}", Time.GetUtcNow().AddMinutes(i)));
        ids.Reverse();

        var first = await Store.InCategoryAsync("News/World", null, 2, Ct);
        var second = await Store.InCategoryAsync("News/World", first.Older, 2, Ct);
        var third = await Store.InCategoryAsync("News/World", second.Older, 2, Ct);
        var back = await Store.InCategoryAsync("News/World", second.Newer, 2, Ct);

        Assert.Equal(ids[..2], first.Items.Select(a => a.Id));
        Assert.Null(first.Newer);
        Assert.Equal(ids[2..4], second.Items.Select(a => a.Id));
        Assert.Equal(ids[4..], third.Items.Select(a => a.Id));
        Assert.Null(third.Older);
        Assert.Equal(ids[..2], back.Items.Select(a => a.Id));
        Assert.Equal(["News/World"], await Store.CategoriesAsync(Ct));
    }

    [Fact]
    public async Task RecordViewsAsync_AddsUpAndDropsRemovedArticles()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/a", "Un título");
        await Store.RecordViewsAsync([new ViewCount(id, Time.GetUtcNow(), 3), new ViewCount(id, Time.GetUtcNow(), 2), new ViewCount(id + 100, Time.GetUtcNow(), 7)], Ct);

        Assert.Equal(5, (await Store.TrendingAsync(Time.GetUtcNow().AddHours(-1), 10, Ct)).Single().Views);
    }
}
