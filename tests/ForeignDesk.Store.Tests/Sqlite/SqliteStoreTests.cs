using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>What only the SQLite store has: its indexes, its narrow list table, and files written by older versions.</summary>
public sealed class SqliteStoreTests : IAsyncLifetime
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

    [Theory]
    [InlineData("articles_other_language", "other_language = 1")]
    [InlineData("articles_awaiting_engine", "state = 1")]
    public async Task SourceArticleCountsAsync_ReadsOnlyIndexes(string index, string condition)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM articles a INDEXED BY {index} WHERE a.source_id = 1 AND {condition}";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new StringBuilder();
        while (await reader.ReadAsync(Ct)) plan.AppendLine(reader.GetString(3));

        Assert.Contains($"USING COVERING INDEX {index}", plan.ToString());
    }

    [Fact]
    public async Task ArticleLines_LeaveWithTheirArticles()
    {
        var source = await AddSourceAsync();
        await _store.SaveArticleAsync(Draft(source, Original()), _time.GetUtcNow(), Ct);
        Assert.Equal(1L, await CountLinesAsync());

        Assert.True(await _store.RemoveSourceAsync(source.Slug, Ct));

        Assert.Equal(0L, await CountLinesAsync());
    }

    [Fact]
    public async Task GetArticle_StoredBeforeBodyImagesWereKept_HasNone()
    {
        var id = (await _store.SaveArticleAsync(Draft(await AddSourceAsync(), Original()), _time.GetUtcNow(), Ct)).ArticleId;
        await using (var connection = await OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE articles SET original = json_remove(original, '$.images') WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var stored = await _store.GetArticleAsync(id, Ct);

        Assert.Empty(stored!.Original.Images);
        Assert.Equal("https://e.example/img/lead.jpg", stored.Original.Image!.Url);
    }

    [Fact]
    public async Task Leadership_AHolderThatStopsRenewing_LosesTheRoleWhenItsLeaseExpires()
    {
        var lease = TimeSpan.FromSeconds(30);
        var leadership = new SqliteLeadership(_temp.DatabasePath, _time, lease);
        await using var killed = await leadership.TryAcquireAsync(Leadership.Clusterer, Ct);
        Assert.NotNull(killed);
        _time.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.Null(await leadership.TryAcquireAsync(Leadership.Clusterer, Ct));
        _time.Advance(TimeSpan.FromSeconds(1));

        await using var next = await leadership.TryAcquireAsync(Leadership.Clusterer, Ct);

        Assert.NotNull(next);
        Assert.False(await killed.RenewAsync(Ct));
        await killed.DisposeAsync();
        Assert.True(await next.RenewAsync(Ct));
        Assert.Null(await leadership.TryAcquireAsync(Leadership.Clusterer, Ct));
    }

    private async Task<long> CountLinesAsync()
    {
        await using var connection = await OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM article_lines";
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_temp.DatabasePath}");
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task CheckCountsMigration_CountsTheTranslationsStoredBefore_InAllTime()
    {
        var id = (await _store.SaveArticleAsync(Draft(await AddSourceAsync(), Original()), _time.GetUtcNow(), Ct)).ArticleId;
        await _store.SaveTranslationAsync(id, new TranslatedArticle("A title", null, [new Paragraph("p", "Text.", "Text.")], null, "apertium", "es→en", 0)
        {
            Checks = [new ParagraphCheck(0, [new CheckFailure(CheckKind.Number, "1.250")])],
        }, _time.GetUtcNow(), Ct);
        // The store as it was before migration 0980: no tallies.
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE check_counts; DELETE FROM schema_migrations WHERE id = '0980-check-counts'";
            await command.ExecuteNonQueryAsync(Ct);
        }

        await _store.MigrateAsync(Ct);

        var counts = Assert.Single(await _store.CheckFailureCountsAsync(null, Ct));
        Assert.Equal(new CheckFailureCounts("apertium", "es", 1, 1, 1), counts);
        Assert.Empty(await _store.CheckFailureCountsAsync(_time.GetUtcNow().AddHours(-24), Ct));
    }

    private Task<Source> AddSourceAsync() => _store.AddSourceAsync(
        new SourceDraft("El Diario", new Uri("https://e.example/"), [new Uri("https://e.example/feed.xml")], "es", "News/World", "Europe/Madrid"), Ct);

    private ExtractedArticle Original() =>
        new("Un título", null, [new Paragraph("p", "Texto.", "Texto.")], null, _time.GetUtcNow(), null, "es", null, "Vivienda",
            new ArticleImage("https://e.example/img/lead.jpg", "La ministra.", "EFE"), []);

    private ArticleDraft Draft(Source source, ExtractedArticle original)
    {
        const string url = "https://e.example/a";
        return new ArticleDraft(source.Id, url, "es", original, _time.GetUtcNow(), false, "Business", "h1",
            new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html>página</html>"), _time.GetUtcNow(), "\"v1\""));
    }
}
