using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Search;

/// <summary>
/// A bulk insert indexes each article's text itself instead of through the trigger that reads it out of the stored
/// JSON: the index must hold what the trigger would have put there, and the store must be left as migrated.
/// </summary>
public sealed class BulkSearchIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BulkInsertAsync_IndexesEachArticleAsTheViewReadsIt()
    {
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-bulksearch-", new FakeTimeProvider(Now), Ct);
        var ids = await InsertAsync(temporary.Store);
        await using var connection = await OpenAsync(temporary.DatabasePath);
        await ExecuteAsync(connection, "CREATE VIRTUAL TABLE temp.instances USING fts5vocab('main', 'article_search', 'instance')");
        var bulk = await IndexAsync(connection);

        // What the migration does: every article indexed from the view the triggers read.
        await ExecuteAsync(connection,
            """
            INSERT INTO article_search (article_search) VALUES ('delete-all');
            INSERT INTO article_search (rowid, title_en, text_en, title_orig, text_orig)
            SELECT id, title_en, text_en, title_orig, text_orig FROM article_search_text ORDER BY id;
            """);
        var fromView = await IndexAsync(connection);

        Assert.Equal(ids.Count, bulk.Sizes.Count);
        Assert.Contains(bulk.Instances, i => i.StartsWith("streik ", StringComparison.Ordinal));
        Assert.Equal(fromView.Instances, bulk.Instances);
        Assert.Equal(fromView.Sizes, bulk.Sizes);
    }

    [Fact]
    public async Task BulkInsertAsync_LeavesTheTriggersAndSearchSettingsAsMigrated()
    {
        await using var migrated = await TemporaryStore.CreateAsync("foreigndesk-bulksearch-", new FakeTimeProvider(Now), Ct);
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-bulksearch-", new FakeTimeProvider(Now), Ct);
        var ids = await InsertAsync(temporary.Store);
        await using var expected = await OpenAsync(migrated.DatabasePath);
        await using var connection = await OpenAsync(temporary.DatabasePath);

        const string Settings = "SELECT k || '=' || v FROM article_search_config ORDER BY k";
        Assert.Equal(await StoreTriggers.ReadAsync(migrated.DatabasePath, Ct), await StoreTriggers.ReadAsync(temporary.DatabasePath, Ct));
        Assert.Equal(await RowsAsync(expected, Settings), await RowsAsync(connection, Settings));
        await ExecuteAsync(connection, "INSERT INTO article_search (article_search) VALUES ('integrity-check')");

        // The view's values are what the index forgets an article by: a changed translation leaves no trace of the old words.
        var article = await temporary.Store.GetArticleAsync(ids[2], Ct) ?? throw new Xunit.Sdk.XunitException("article missing");
        var translation = article.Translation! with { Title = "Harbour closed", Teaser = null, Paragraphs = [new Paragraph("p", "Ships wait.", "Ships wait.")] };
        await ExecuteAsync(connection, "UPDATE articles SET translation = $t WHERE id = $id", ("$t", ArticleJson.Write(translation)), ("$id", ids[2]));
        await ExecuteAsync(connection, "INSERT INTO article_search (article_search) VALUES ('integrity-check')");
        Assert.Equal(1, (await temporary.Store.SearchAsync(new SearchQuery("word3x"), Ct)).Total);
        Assert.Equal(0, (await temporary.Store.SearchAsync(new SearchQuery("word2x"), Ct)).Total);
        Assert.Equal(1, (await temporary.Store.SearchAsync(new SearchQuery("harbour"), Ct)).Total);
        Assert.Equal(ids.Count - 1, (await temporary.Store.SearchAsync(new SearchQuery("strike"), Ct)).Total);
    }

    [Fact]
    public async Task BulkInsertAsync_IntoANewStore_NumbersFromOneAndLeavesNoBuildFile_ThenASecondInsertIndexesItself()
    {
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-bulksearch-", new FakeTimeProvider(Now), Ct);
        var ids = await InsertAsync(temporary.Store);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), ids);
        Assert.False(File.Exists(temporary.DatabasePath + ".search-build"));
        Assert.Equal(12, (await temporary.Store.SearchAsync(new SearchQuery("strike"), Ct)).Total);
        Assert.Equal(1, (await temporary.Store.SearchAsync(new SearchQuery("word7x"), Ct)).Total);

        // A second bulk insert finds the index filled: the store indexes those articles itself, after the first ones.
        var source = (await temporary.Store.ListSourcesAsync(Ct))[0];
        var more = await temporary.Store.BulkInsertAsync([new BulkArticle(source.Id, "https://zeitung.example/more", "de",
            new ExtractedArticle("Hafen geschlossen", null, [], null, Now, null, "de", null, null, null, []),
            new TranslatedArticle("Harbour closed", null, [], null, "test", "de", 0), Now, "News/World")], Ct);
        Assert.Equal([13L], more);
        Assert.Equal(1, (await temporary.Store.SearchAsync(new SearchQuery("harbour"), Ct)).Total);
        Assert.Equal(12, (await temporary.Store.SearchAsync(new SearchQuery("strike"), Ct)).Total);
        await using var connection = await OpenAsync(temporary.DatabasePath);
        await ExecuteAsync(connection, "INSERT INTO article_search (article_search) VALUES ('integrity-check')");
        Assert.Equal(["wal"], await RowsAsync(connection, "PRAGMA journal_mode"));
    }

    /// <summary>The index is copied in through a rollback journal when the store is had alone; with a reader open elsewhere, through the log.</summary>
    [Fact]
    public async Task BulkInsertAsync_IntoANewStoreOpenElsewhere_CopiesTheIndexInAndKeepsTheLog()
    {
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-bulksearch-", new FakeTimeProvider(Now), Ct);
        await using var elsewhere = await OpenAsync(temporary.DatabasePath);
        Assert.Equal(["wal"], await RowsAsync(elsewhere, "PRAGMA journal_mode"));

        var ids = await InsertAsync(temporary.Store);

        Assert.Equal(12, ids.Count);
        Assert.Equal(12, (await temporary.Store.SearchAsync(new SearchQuery("strike"), Ct)).Total);
        Assert.Equal(["12"], await RowsAsync(elsewhere, "SELECT CAST(COUNT(*) AS TEXT) FROM article_search_docsize"));
        await ExecuteAsync(elsewhere, "INSERT INTO article_search (article_search) VALUES ('integrity-check')");
        Assert.Equal(["wal"], await RowsAsync(elsewhere, "PRAGMA journal_mode"));
        Assert.False(File.Exists(temporary.DatabasePath + ".search-build"));
    }

    [Fact]
    public async Task BulkInsertAsync_ThatFails_StoresNoneOfTheFailedTransactionAndRemovesTheBuildFile()
    {
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-bulksearch-", new FakeTimeProvider(Now), Ct);
        var source = await temporary.Store.AddSourceAsync(new SourceDraft("Zeitung", new Uri("https://zeitung.example/"), [], "de", "News/World", "UTC"), Ct);
        var twice = Enumerable.Range(0, 2).Select(_ => new BulkArticle(source.Id, "https://zeitung.example/same", "de",
            new ExtractedArticle("Streik", null, [], null, Now, null, "de", null, null, null, []),
            new TranslatedArticle("Strike", null, [], null, "test", "de", 0), Now, "News/World"));

        await Assert.ThrowsAsync<SqliteException>(() => temporary.Store.BulkInsertAsync(twice, Ct));

        Assert.False(File.Exists(temporary.DatabasePath + ".search-build"));
        Assert.Equal(0, (await temporary.Store.SearchAsync(new SearchQuery("strike"), Ct)).Total);
        Assert.Null(await temporary.Store.GetArticleAsync(1, Ct));
    }

    /// <summary>Articles whose text has what the view's expressions treat apart: no teaser, an empty one, no paragraphs, match marks, markup, accents.</summary>
    private static async Task<IReadOnlyList<long>> InsertAsync(SqliteArticleStore store)
    {
        var source = await store.AddSourceAsync(new SourceDraft("Zeitung", new Uri("https://zeitung.example/"), [], "de", "News/World", "UTC"), Ct);
        string?[] teasers = [null, "", "Der Streik geht weiter & <weiter>.", "Straße \uE000gesperrt\uE001."];
        var articles = Enumerable.Range(0, 12).Select(i =>
        {
            var paragraphs = Enumerable.Range(0, i % 3).Select(p => new Paragraph("p", $"Absatz {p} über die Straße", $"Absatz {p} über die Straße \uE000{i}\uE001 é")).ToList();
            var english = paragraphs.Select(p => new Paragraph("p", $"Paragraph {i} on the quay", $"Paragraph {i} on the quay\nsecond line \"quoted\" 😀")).ToList();
            return new BulkArticle(source.Id, $"https://zeitung.example/{i}", "de",
                new ExtractedArticle($"Streik Nummer {i} \uE000", teasers[i % 4], paragraphs, null, Now, null, "de", null, null, null, []),
                new TranslatedArticle($"Strike number {i} word{i}x", i % 4 == 1 ? "" : teasers[i % 4] is null ? null : "Strike teaser", english, null, "test", "de", 0),
                Now.AddMinutes(-i), "News/World");
        }).ToList();
        return await store.BulkInsertAsync(articles, Ct);
    }

    private static async Task<(List<string> Instances, List<string> Sizes)> IndexAsync(SqliteConnection connection) =>
        (await RowsAsync(connection, "SELECT term || ' ' || doc || ' ' || col || ' ' || offset FROM temp.instances ORDER BY term, doc, col, offset"),
            await RowsAsync(connection, "SELECT id || ' ' || hex(sz) FROM article_search_docsize ORDER BY id"));

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct)) rows.Add(reader.GetString(0));
        return rows;
    }
}
