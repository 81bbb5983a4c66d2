using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Store.Tests.Search;

public sealed class SearchRankingTests : IAsyncLifetime
{
    private const string Weights = "10.0, 1.0, 6.0, 0.6";
    private static readonly string[] Words = ["harbour", "strike", "budget", "minister", "storm", "port", "vote", "coast", "river", "bridge"];
    private TemporaryStore _temp = null!;
    private readonly DateTimeOffset _now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private SqliteArticleStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string DatabasePath => _temp.DatabasePath;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-search-", new FakeTimeProvider(_now), Ct);
        _store = _temp.Store;
        var source = await _store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        // 80 articles, each article's words drawn from the small vocabulary in different mixes and lengths.
        var random = new Random(5);
        var articles = Enumerable.Range(0, 80).Select(i =>
        {
            string Text(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => Words[(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * Words.Length)]));
            var title = Text(3 + i % 5);
            var body = Text(10 + i % 23);
            var paragraphs = new[] { new Paragraph("p", body, body) };
            return new BulkArticle(source.Id, $"https://diario.example/{i}", "es",
                new ExtractedArticle($"Titular {i}", null, [new Paragraph("p", "texto", "texto")], null, _now, null, "es", null, null, null, []),
                new TranslatedArticle(title, null, paragraphs, null, "test", "es", 0), _now.AddMinutes(-i), "News/World");
        });
        // Two imports: two index segments, until the optimize that ends each import merges them.
        var all = articles.ToList();
        await _store.BulkInsertAsync(all.Take(40), Ct);
        await _store.BulkInsertAsync(all.Skip(40), Ct);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Theory]
    [InlineData("(\"storm\" AND \"bridge\")", new[] { "\"storm\"", "\"bridge\"" })]
    [InlineData("(\"harbour\" AND \"river\" AND \"vote\")", new[] { "\"harbour\"", "\"river\"", "\"vote\"" })]
    public async Task Fts5Bm25_WithIdfsOverEveryRow_ScoresAsFts5Bm25(string match, string[] phrases)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        Fts5Bm25.EnsureRegistered(connection);
        Fts5Bm25.EnsureRegistered(connection);
        var rows = await ScalarAsync(connection, "SELECT COUNT(*) FROM article_search", []);
        var idfs = new List<double>();
        foreach (var phrase in phrases)
            idfs.Add(Fts5Bm25.Idf(rows, await ScalarAsync(connection, "SELECT COUNT(*) FROM article_search WHERE article_search MATCH $m", [("$m", phrase)])));

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT bm25(article_search, {Weights}), {Fts5Bm25.Name}(article_search, {Weights}, " +
            string.Join(", ", idfs.Select((_, i) => $"$idf{i}")) + ") FROM article_search WHERE article_search MATCH $m";
        command.Parameters.AddWithValue("$m", match);
        for (var i = 0; i < idfs.Count; i++) command.Parameters.AddWithValue($"$idf{i}", idfs[i]);
        var compared = 0;
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                Assert.Equal(reader.GetDouble(0), reader.GetDouble(1), 9);
                compared++;
            }
        }
        Assert.True(compared > 3, $"only {compared} rows matched {match}");
    }

    [Fact]
    public async Task SearchAsync_Relevance_OrdersAsFts5Bm25OverTheWholeIndex()
    {
        var results = await _store.SearchAsync(new SearchQuery("bridge storm", PageSize: 50), Ct);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a.id FROM article_search JOIN articles a ON a.id = article_search.rowid
            WHERE article_search MATCH '("bridge" AND "storm")'
            ORDER BY bm25(article_search, {Weights}), a.published_ms DESC, a.id DESC LIMIT 50
            """;
        var expected = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) expected.Add(reader.GetInt64(0));

        Assert.True(expected.Count > 3);
        Assert.Equal(expected, results.Hits.Select(h => h.Article.Id));
        Assert.Equal(expected.Count, results.Total);
    }

    [Fact]
    public async Task SearchAsync_WordOrder_DoesNotChangeResults()
    {
        var typed = await _store.SearchAsync(new SearchQuery("harbour bridge -vote", PageSize: 50), Ct);
        var reversed = await _store.SearchAsync(new SearchQuery("-vote bridge harbour", PageSize: 50), Ct);

        Assert.NotEmpty(typed.Hits);
        Assert.Equal(typed.Hits.Select(h => h.Article.Id), reversed.Hits.Select(h => h.Article.Id));
        Assert.Equal(typed.Total, reversed.Total);
        Assert.All(typed.Hits, h => Assert.Contains(h.Snippet, p => p.Highlighted));
    }

    [Fact]
    public async Task BulkInsertAsync_LeavesTheSearchIndexInOneSegment()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        Assert.Equal(1, await ScalarAsync(connection, "SELECT COUNT(DISTINCT segid) FROM article_search_idx", []));
        Assert.Equal(80, (await _store.SearchAsync(new SearchQuery("titular"), Ct)).Total);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
