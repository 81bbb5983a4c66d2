using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Store.Tests.Sqlite;

public sealed class SqliteArticleStoreTests : IAsyncLifetime
{
    private TemporaryStore _temp = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private SqliteArticleStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-store-", _time, Ct);
        _store = _temp.Store;
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task MigrateAsync_RunTwice_KeepsData()
    {
        await AddSourceAsync("El Diario");
        await _store.MigrateAsync(Ct);
        Assert.Single(await _store.ListSourcesAsync(Ct));
    }

    [Fact]
    public async Task AddSourceAsync_SameName_GetsDistinctSlugs()
    {
        var first = await AddSourceAsync("Le Monde");
        var second = await AddSourceAsync("Le Monde");
        Assert.Equal("le-monde", first.Slug);
        Assert.Equal("le-monde-2", second.Slug);
        Assert.Equal(first.FeedUrls, (await _store.GetSourceAsync("le-monde", Ct))!.FeedUrls);
    }

    [Fact]
    public async Task SaveArticleAsync_SameUrlTwice_IsUnchangedThenUpdatedWhenHashChanges()
    {
        var source = await AddSourceAsync("El Diario");
        var created = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), _time.GetUtcNow(), Ct);
        var again = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), _time.GetUtcNow(), Ct);
        var changed = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h2", "Título nuevo"), _time.GetUtcNow(), Ct);

        Assert.Equal(ArticleChange.Created, created.Change);
        Assert.Equal(ArticleChange.Unchanged, again.Change);
        Assert.Equal(ArticleChange.Updated, changed.Change);
        Assert.Equal(created.ArticleId, changed.ArticleId);
        var stored = await _store.GetArticleAsync(created.ArticleId, Ct);
        Assert.Equal("Título nuevo", stored!.Original.Title);
        Assert.Single((await _store.FromSourceAsync(source.Id, null, 10, Ct)).Items);
    }

    [Fact]
    public async Task SaveTranslationAsync_ThenRead_ShowsEnglishTitleAndState()
    {
        var source = await AddSourceAsync("El Diario");
        var saved = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), _time.GetUtcNow(), Ct);
        Assert.Equal([saved.ArticleId], await _store.UntranslatedAsync(10, Ct));

        await _store.SaveTranslationAsync(saved.ArticleId,
            new TranslatedArticle("English title", "Teaser", [new Paragraph("p", "Hello <a href=\"https://x.example/\">world</a>", "Hello world")],
                null, "apertium", "es→en", 0.1), _time.GetUtcNow(), Ct);

        var stored = await _store.GetArticleAsync(saved.ArticleId, Ct);
        Assert.Equal(ArticleState.Translated, stored!.State);
        Assert.Equal("English title", stored.DisplayTitle);
        Assert.Equal("es→en", stored.Translation!.Route);
        Assert.Empty(await _store.UntranslatedAsync(10, Ct));
        Assert.Equal("English title", (await _store.LatestAsync(5, Ct)).Single().Title);
    }

    [Fact]
    public async Task OnDateAsync_UsesOutletLocalDate()
    {
        var source = await AddSourceAsync("El Diario", "Europe/Madrid");
        // 23:30 UTC on the 28th is 00:30 on the 29th in Madrid.
        var draft = Draft(source, "https://e.example/late", "h") with { PublishedUtc = new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero) };
        await _store.SaveArticleAsync(draft, _time.GetUtcNow(), Ct);
        Assert.Single((await _store.OnDateAsync(new DateOnly(2026, 11, 29), null, 50, Ct)).Items);
        Assert.Empty((await _store.OnDateAsync(new DateOnly(2026, 11, 28), null, 50, Ct)).Items);
    }

    [Fact]
    public async Task TrendingAsync_RanksByViewsInWindow()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "a"), _time.GetUtcNow(), Ct);
        var b = await _store.SaveArticleAsync(Draft(source, "https://e.example/b", "b", "Otro título"), _time.GetUtcNow(), Ct);
        await _store.RecordViewAsync(a.ArticleId, _time.GetUtcNow().AddHours(-30), Ct);
        await _store.RecordViewAsync(a.ArticleId, _time.GetUtcNow().AddHours(-30), Ct);
        await _store.RecordViewAsync(a.ArticleId, _time.GetUtcNow().AddHours(-30), Ct);
        await _store.RecordViewAsync(b.ArticleId, _time.GetUtcNow(), Ct);
        await _store.RecordViewAsync(b.ArticleId, _time.GetUtcNow(), Ct);
        await _store.RecordViewAsync(a.ArticleId, _time.GetUtcNow(), Ct);

        var trending = await _store.TrendingAsync(_time.GetUtcNow().AddHours(-24), 10, Ct);
        Assert.Equal([b.ArticleId, a.ArticleId], trending.Select(t => t.Id));
        Assert.Equal(2, trending[0].Views);
    }

    [Fact]
    public async Task GetPageAsync_ReturnsTheStoredBytes()
    {
        var source = await AddSourceAsync("El Diario");
        var saved = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h"), _time.GetUtcNow(), Ct);
        var page = await _store.GetPageAsync(saved.ArticleId, Ct);
        Assert.Equal("<html>página</html>", Encoding.UTF8.GetString(page!.Body));
        Assert.Equal("\"v1\"", page.ETag);
    }

    [Fact]
    public async Task RecordProblemAsync_FeedFailure_ShowsInHealth()
    {
        var source = await AddSourceAsync("El Diario");
        await _store.RecordProblemAsync(new FetchProblem(source.Id, "https://e.example/feed", "feed", "HTTP 500", _time.GetUtcNow()), Ct);
        var health = Assert.Single(await _store.SourceHealthAsync(_time.GetUtcNow(), Ct));
        Assert.Equal(1, health.ConsecutiveErrors);
        Assert.Contains("HTTP 500", health.LastError);
        await _store.RecordSourceSuccessAsync(source.Id, _time.GetUtcNow(), Ct);
        Assert.Equal(0, (await _store.SourceHealthAsync(_time.GetUtcNow(), Ct))[0].ConsecutiveErrors);
        Assert.Single(await _store.RecentProblemsAsync(10, Ct));
    }

    [Fact]
    public async Task RelatedAsync_PrefersSharedWordsAndNeverTheArticleItself()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "a", "Earthquake hits Granada province"), _time.GetUtcNow(), Ct);
        var b = await _store.SaveArticleAsync(Draft(source, "https://e.example/b", "b", "Granada earthquake damage assessed"), _time.GetUtcNow(), Ct);
        await _store.SaveArticleAsync(Draft(source, "https://e.example/c", "c", "Football league results"), _time.GetUtcNow(), Ct);

        var related = await _store.RelatedAsync(a.ArticleId, 5, Ct);
        Assert.Equal([b.ArticleId], related.Select(r => r.Id));
    }

    [Fact]
    public async Task RemoveSourceAsync_RemovesItsArticles()
    {
        var source = await AddSourceAsync("El Diario");
        await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h"), _time.GetUtcNow(), Ct);
        Assert.True(await _store.RemoveSourceAsync(source.Slug, Ct));
        Assert.False(await _store.RemoveSourceAsync(source.Slug, Ct));
        Assert.Empty(await _store.LatestAsync(10, Ct));
    }

    [Fact]
    public async Task SourceArticleCountsAsync_CountsTheArticlesDetectedInAnotherLanguage()
    {
        var source = await AddSourceAsync("El Diario");
        var other = await AddSourceAsync("La Gaceta");
        await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), _time.GetUtcNow(), Ct);
        await _store.SaveArticleAsync(Draft(source, "https://e.example/b", "h1") with { Language = "de", DetectedOtherLanguage = true }, _time.GetUtcNow(), Ct);
        await _store.SaveArticleAsync(Draft(source, "https://e.example/c", "h1") with { Language = "ca", DetectedOtherLanguage = true }, _time.GetUtcNow(), Ct);
        await _store.SaveArticleAsync(Draft(other, "https://e.example/d", "h1"), _time.GetUtcNow(), Ct);
        // An update that finds the article in the configured language after all takes it out of the count.
        await _store.SaveArticleAsync(Draft(source, "https://e.example/c", "h2"), _time.GetUtcNow(), Ct);

        var counts = (await _store.SourceArticleCountsAsync(_time.GetUtcNow(), Ct)).ToDictionary(c => c.SourceId);

        Assert.Equal(new SourceArticleCounts(source.Id, 3, 3, 1), counts[source.Id]);
        Assert.Equal(new SourceArticleCounts(other.Id, 1, 1, 0), counts[other.Id]);
    }

    [Fact]
    public async Task SaveArticleAsync_SameContentInAnotherLanguage_IsUpdatedForTranslationAgain()
    {
        var source = await AddSourceAsync("El Diario");
        var created = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1"), _time.GetUtcNow(), Ct);
        await _store.SaveTranslationAsync(created.ArticleId,
            new TranslatedArticle("Title", null, [], null, "apertium", "es→en", 0.5), _time.GetUtcNow(), Ct);

        var german = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1") with { Language = "de", DetectedOtherLanguage = true }, _time.GetUtcNow(), Ct);
        var again = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1") with { Language = "de", DetectedOtherLanguage = true }, _time.GetUtcNow(), Ct);

        Assert.Equal(ArticleChange.Updated, german.Change);
        Assert.Equal(ArticleChange.Unchanged, again.Change);
        var stored = await _store.GetArticleAsync(created.ArticleId, Ct);
        Assert.Equal("de", stored!.Language);
        Assert.Equal(ArticleState.Extracted, stored.State);
        Assert.Equal([created.ArticleId], await _store.UntranslatedAsync(10, Ct));
    }

    [Fact]
    public async Task SourceArticleCountsAsync_ReadsOnlyIndexes()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM articles a INDEXED BY articles_other_language WHERE a.source_id = 1 AND other_language = 1";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new StringBuilder();
        while (await reader.ReadAsync(Ct)) plan.AppendLine(reader.GetString(3));

        Assert.Contains("USING COVERING INDEX articles_other_language", plan.ToString());
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData(" ES , ca ", "es,ca")]
    [InlineData("es ca es", "es,ca")]
    [InlineData("auto", null)]
    [InlineData("", null)]
    public async Task AddSourceAsync_Languages_AreStoredAsOneCommaList(string given, string? stored)
    {
        var source = await _store.AddSourceAsync(new SourceDraft("Multi", new Uri("https://m.example/"), [new Uri("https://m.example/feed.xml")], given, "News/World", "UTC"), Ct);

        var read = await _store.GetSourceAsync(source.Slug, Ct);
        Assert.Equal(stored, read!.Language);
        Assert.Equal(stored, source.Language);
        Assert.Equal(stored is null ? [] : stored.Split(','), read.Languages);
    }

    [Fact]
    public async Task Validators_RoundTrip()
    {
        Assert.Null(await _store.GetValidatorsAsync("https://e.example/feed", Ct));
        await _store.SaveValidatorsAsync("https://e.example/feed", new HttpValidators("\"e1\"", "Sun, 29 Nov 2026 08:00:00 GMT"), Ct);
        await _store.SaveValidatorsAsync("https://e.example/feed", new HttpValidators("\"e2\"", null), Ct);
        Assert.Equal(new HttpValidators("\"e2\"", null), await _store.GetValidatorsAsync("https://e.example/feed", Ct));
    }

    [Fact]
    public async Task ListLines_FollowEveryChangeOfTheirArticle()
    {
        // Lists read the article lines (migration 0800), kept by triggers: new, updated, translated, reclassified, removed.
        var source = await AddSourceAsync("El Diario");
        var saved = await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h1", "Primer título"), _time.GetUtcNow(), Ct);
        Assert.Equal("Primer título", (await _store.LatestAsync(5, Ct)).Single().Title);

        await _store.SaveArticleAsync(Draft(source, "https://e.example/a", "h2", "Título cambiado"), _time.GetUtcNow(), Ct);
        Assert.Equal("Título cambiado", (await _store.FromSourceAsync(source.Id, null, 10, Ct)).Items.Single().Title);

        await _store.SaveTranslationAsync(saved.ArticleId,
            new TranslatedArticle("Changed title", "The teaser", [new Paragraph("p", "Body", "Body")], null, "apertium", "es→en", 0.1),
            _time.GetUtcNow(), Ct);
        var line = (await _store.InCategoryAsync("News/World", null, 10, Ct)).Items.Single();
        Assert.Equal(("Changed title", "The teaser", ArticleState.Translated), (line.Title, line.Teaser, line.State));

        await _store.SetCategoryAsync(saved.ArticleId, "Sports", Ct);
        Assert.Empty((await _store.InCategoryAsync("News/World", null, 10, Ct)).Items);
        Assert.Equal("Sports", (await _store.InCategoryAsync("Sports", null, 10, Ct)).Items.Single().Category);

        Assert.True(await _store.RemoveSourceAsync(source.Slug, Ct));
        Assert.Empty(await _store.LatestAsync(5, Ct));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM article_lines";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(Ct))!);
    }

    private Task<Source> AddSourceAsync(string name, string zone = "Europe/Madrid") =>
        _store.AddSourceAsync(new SourceDraft(name, new Uri("https://e.example/"), [new Uri("https://e.example/feed.xml")], "es", "News/World", zone), Ct);

    private ArticleDraft Draft(Source source, string url, string hash, string title = "Un título") => new(
        source.Id, url, "es",
        new ExtractedArticle(title, null, [new Paragraph("p", title, title)], "Ana Pérez",
            _time.GetUtcNow(), null, "es", url, "Política", null, []),
        _time.GetUtcNow(), false, "News/World", hash,
        new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html>página</html>"), _time.GetUtcNow(), "\"v1\""));
}
