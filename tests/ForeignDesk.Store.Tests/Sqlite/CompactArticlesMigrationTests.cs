using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Store.Migrations;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>
/// A store written in the format before migration 0600 (escaped JSON, every paragraph twice, a full-text index with its
/// own copy of the text), migrated in place: the same articles and search results come back, smaller.
/// </summary>
public sealed class CompactArticlesMigrationTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions OldFormat = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Comparable = new() { WriteIndented = false };
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Queries =
    [
        "election", "elect*", "\"city council\"", "moscow river", "москва", "выборы", "الانتخابات", "选举", "élection", "election -moscow",
        "harbour", "cafe", "council budget", "tom jerry",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("foreigndesk-compact-").FullName;
    private string DatabasePath => Path.Combine(_folder, "store.db");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_OldFormatStore_ReadsTheSameArticlesAndSearchResults()
    {
        var ids = await CreateOldFormatStoreAsync();
        var store = new SqliteArticleStore(DatabasePath, new FakeTimeProvider(Now));
        // Today's article reads name the removal column of 0998 and the tables of corrections (0950) and versions (0970):
        // the old store has them, empty, for the reads before migrating only; and search reads snippet text through the
        // view of 0600, given here over the old index's own copy of the text.
        await using (var old = await OpenAsync())
            await ExecuteAsync(old, "ALTER TABLE articles ADD COLUMN removed_ms INTEGER; CREATE TABLE segment_overrides (article_id INTEGER); CREATE TABLE article_versions (article_id INTEGER); " +
                "CREATE VIEW article_search_text (id, title_en, text_en, title_orig, text_orig) AS SELECT rowid, title_en, text_en, title_orig, text_orig FROM article_search;");
        var articlesBefore = await ReadAllAsync(store, ids);
        var searchesBefore = await SearchAllAsync(store);
        await using (var old = await OpenAsync())
            await ExecuteAsync(old, "ALTER TABLE articles DROP COLUMN removed_ms; DROP TABLE segment_overrides; DROP TABLE article_versions; DROP VIEW article_search_text;");
        SqliteConnection.ClearAllPools();
        var bytesBefore = await ArticleBytesAsync();

        await store.MigrateAsync(Ct);

        Assert.Equal(articlesBefore, await ReadAllAsync(store, ids));
        Assert.Equal(searchesBefore, await SearchAllAsync(store));
        Assert.Contains(searchesBefore, s => s.Contains("\"Highlighted\":true", StringComparison.Ordinal));
        Assert.True(await ArticleBytesAsync() < bytesBefore * 0.75, "the rewritten articles are not smaller");
        await using var connection = await OpenAsync();
        // Letters are no longer escaped; only a no-break space still is (the encoder escapes all but ASCII space).
        Assert.Equal(0L, await ScalarAsync(connection,
            "SELECT COUNT(*) FROM articles WHERE replace(original || COALESCE(translation, ''), '\\u00A0', '') LIKE '%\\u%'"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'article_search_content'"));
        await CheckIndexAsync(connection);
    }

    [Fact]
    public async Task MigratedStore_UpdatedAndRemovedArticles_LeaveTheIndex()
    {
        await CreateOldFormatStoreAsync();
        var store = new SqliteArticleStore(DatabasePath, new FakeTimeProvider(Now));
        await store.MigrateAsync(Ct);
        var source = (await store.ListSourcesAsync(Ct)).Single(s => s.Slug == "diario");
        var page = new FetchedPage(new Uri("https://diario.example/a"), new Uri("https://diario.example/a"), 200, "text/html", [1], Now, null, null);
        var draft = new ArticleDraft(source.Id, "https://diario.example/a", "es", Original("Puerto en huelga", "Los estibadores paran el puerto."),
            Now, false, "News/World", "h1", page);
        var saved = await store.SaveArticleAsync(draft, Now, Ct);
        Assert.Equal(1, (await store.SearchAsync(new SearchQuery("estibadores"), Ct)).Total);

        await store.SaveArticleAsync(draft with { Original = Original("Puerto abierto", "Los barcos vuelven al muelle."), ContentHash = "h2" }, Now, Ct);
        await store.SaveTranslationAsync(saved.ArticleId,
            new TranslatedArticle("Port open", null, [new Paragraph("p", "Ships return to the <em>quay</em>.", "Ships return to the quay.")],
                null, "test", "es→en", 0), Now, Ct);

        Assert.Equal(0, (await store.SearchAsync(new SearchQuery("estibadores"), Ct)).Total);
        var quay = await store.SearchAsync(new SearchQuery("quay"), Ct);
        Assert.Equal([saved.ArticleId], quay.Hits.Select(h => h.Article.Id));
        Assert.Contains(quay.Hits[0].Snippet, p => p.Highlighted && p.Text == "quay");
        Assert.Equal("Ships return to the <em>quay</em>.", (await store.GetArticleAsync(saved.ArticleId, Ct))!.Translation!.Paragraphs[0].Html);

        Assert.True(await store.RemoveSourceAsync("diario", Ct));
        Assert.Equal(0, (await store.SearchAsync(new SearchQuery("quay"), Ct)).Total);
        Assert.Equal(0, (await store.SearchAsync(new SearchQuery("harbour"), Ct)).Total);
        Assert.Equal(3, (await store.SearchAsync(new SearchQuery("election"), Ct)).Total);
        await using var connection = await OpenAsync();
        await CheckIndexAsync(connection);
    }

    /// <summary>
    /// Applies every migration before 0600 and writes articles as the store did then. The article lines (0800) are
    /// made too, ahead of their turn: today's reads need them, and the test reads the store before migrating it.
    /// </summary>
    private async Task<IReadOnlyList<long>> CreateOldFormatStoreAsync()
    {
        await using (var connection = await OpenAsync())
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_ms INTEGER NOT NULL);");
            foreach (var migration in SqliteSchema.Migrations.TakeWhile(m => m.Id != M0600CompactArticles.Migration.Id).Append(M0800ArticleLines.Migration))
            {
                await ExecuteAsync(connection, migration.Sql);
                await ExecuteAsync(connection, $"INSERT INTO schema_migrations (id, applied_ms) VALUES ('{migration.Id}', 0)");
            }
        }
        // The sources as the store wrote them then (their later columns, such as the policy, come with later migrations).
        long diario, world;
        await using (var connection = await OpenAsync())
        {
            diario = await ScalarAsync(connection, """
                INSERT INTO sources (slug, name, home_url, feed_urls, language, category, time_zone, created_ms)
                VALUES ('diario', 'Diario', 'https://diario.example/', '[]', 'es', 'News/World', 'UTC', 0) RETURNING id
                """);
            world = await ScalarAsync(connection, """
                INSERT INTO sources (slug, name, home_url, feed_urls, language, category, time_zone, created_ms)
                VALUES ('world', 'World', 'https://world.example/', '[]', NULL, 'News/World', 'UTC', 0) RETURNING id
                """);
        }
        var ids = new List<long>();
        var n = 0;
        foreach (var (source, language, original, translation) in Articles(diario, world))
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                INSERT INTO articles (source_id, url, language, original, published_ms, published_estimated, local_date, category,
                    state, translation, first_seen_ms, updated_ms, content_hash)
                VALUES ($source, $url, $language, $original, $published, 0, '2026-11-29', 'News/World', $state, $translation, $published, $published, $url)
                RETURNING id
                """;
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$url", $"https://{language}.example/{n}");
            command.Parameters.AddWithValue("$language", language);
            command.Parameters.AddWithValue("$original", JsonSerializer.Serialize(original, OldFormat));
            command.Parameters.AddWithValue("$published", Now.AddMinutes(-n++).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$state", (int)(translation is null ? ArticleState.Extracted : ArticleState.Translated));
            command.Parameters.AddWithValue("$translation", translation is null ? DBNull.Value : JsonSerializer.Serialize(translation, OldFormat));
            ids.Add((long)(await command.ExecuteScalarAsync(Ct))!);
        }
        return ids;
    }

    private static IEnumerable<(long Source, string Language, ExtractedArticle Original, TranslatedArticle? Translation)> Articles(long diario, long world)
    {
        yield return (world, "ru",
            Original("Выборы в Москве", "Городской совет обсудил бюджет.", "Река Москва вышла из берегов & <никто> не пострадал."),
            Translation("Elections in Moscow", "The city council discussed the budget.", "The Moscow river flooded & <nobody> was hurt."));
        yield return (world, "ar",
            Original("الانتخابات في القاهرة", "ناقش مجلس المدينة الميزانية."),
            Translation("Elections in Cairo", "The city council discussed the budget."));
        yield return (world, "zh",
            Original("北京的选举", "市议会讨论了预算。"),
            Translation("The election in Beijing", "The city council discussed the budget."));
        yield return (diario, "fr",
            Original("L'élection à Lyon", "Le café du port\u00A0: Tom & Jerry.") with
            {
                Paragraphs =
                [
                    new Paragraph("p", "Le <a href=\"https://lyon.example/?a=1&amp;b=2\">conseil</a> a voté.", "Le conseil a voté."),
                    new Paragraph("h2", "Le café du port&nbsp;: Tom &amp; Jerry.", "Le café du port\u00A0: Tom & Jerry."),
                    new Paragraph("ul", "<li>Un</li><li>Deux</li>", "Un\nDeux"),
                ],
                Image = new ArticleImage("https://lyon.example/p.jpg", "Le port", "AFP"),
                Images = [new ArticleImage("https://lyon.example/q.jpg", null, null) { Position = 1 }],
                Keywords = ["élection", "Lyon"],
            },
            Translation("The election in Lyon", "The harbour cafe: Tom & Jerry.") with { ImageCaptions = [null] });
        yield return (diario, "es", Original("Elecciones sin traducir", "El consejo municipal votó el presupuesto."), null);
        for (var i = 0; i < 20; i++)
            yield return (diario, "es", Original($"Noticia {i}", $"Párrafo {i} sobre el puerto."), Translation($"News {i}", $"Paragraph {i} about the harbour budget."));
    }

    private static ExtractedArticle Original(string title, params string[] paragraphs) =>
        new(title, paragraphs.Length > 1 ? paragraphs[0] : null,
            paragraphs.Select(p => new Paragraph("p", p.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\u00A0", "&nbsp;"), p)).ToList(),
            "Redacción", Now, null, null, null, "Política", null, []);

    private static TranslatedArticle Translation(string title, params string[] paragraphs) =>
        new(title, null, paragraphs.Select(p => new Paragraph("p", p.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"), p)).ToList(),
            null, "test", "xx→en", 0.25, 1.1);

    private static async Task<List<string>> ReadAllAsync(SqliteArticleStore store, IReadOnlyList<long> ids)
    {
        var read = new List<string>();
        foreach (var id in ids) read.Add(JsonSerializer.Serialize(await store.GetArticleAsync(id, Ct), Comparable));
        read.Add(JsonSerializer.Serialize(await store.LatestAsync(50, Ct), Comparable));
        return read;
    }

    private static async Task<List<string>> SearchAllAsync(SqliteArticleStore store)
    {
        var results = new List<string>();
        foreach (var text in Queries)
        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
            results.Add(text + " " + JsonSerializer.Serialize(await store.SearchAsync(new SearchQuery(text, Sort: sort), Ct), Comparable));
        results.Add(JsonSerializer.Serialize(await store.SearchAsync(new SearchQuery("budget", Language: "ru"), Ct), Comparable));
        return results;
    }

    private async Task<long> ArticleBytesAsync()
    {
        await using var connection = await OpenAsync();
        return await ScalarAsync(connection, "SELECT SUM(length(CAST(original AS BLOB)) + COALESCE(length(CAST(translation AS BLOB)), 0)) FROM articles");
    }

    /// <summary>
    /// The index holds exactly the terms of its content: FTS5's own consistency check, then every term, row, column and
    /// position compared with an index built afresh from the articles as they are now.
    /// </summary>
    private static async Task CheckIndexAsync(SqliteConnection connection)
    {
        await ExecuteAsync(connection, "INSERT INTO article_search (article_search) VALUES ('integrity-check')");
        await ExecuteAsync(connection,
            """
            CREATE VIRTUAL TABLE temp.fresh USING fts5(title_en, text_en, title_orig, text_orig,
                tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* M* So Co'");
            INSERT INTO temp.fresh (rowid, title_en, text_en, title_orig, text_orig)
                SELECT id, title_en, text_en, title_orig, text_orig FROM article_search_text;
            CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, fresh, instance);
            CREATE VIRTUAL TABLE temp.kept_terms USING fts5vocab(main, article_search, instance);
            """);
        const string Terms = "SELECT COUNT(*) FROM (SELECT term, doc, col, offset FROM temp.{0} EXCEPT SELECT term, doc, col, offset FROM temp.{1})";
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM temp.fresh_terms") > 20);
        Assert.Equal(0L, await ScalarAsync(connection, string.Format(Terms, "fresh_terms", "kept_terms")));
        Assert.Equal(0L, await ScalarAsync(connection, string.Format(Terms, "kept_terms", "fresh_terms")));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
