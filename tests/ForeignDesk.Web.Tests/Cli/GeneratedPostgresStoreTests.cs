using System.Globalization;
using System.Net;
using System.Text.Json;
using ForeignDesk.Bench.Web;
using ForeignDesk.Core;
using ForeignDesk.Store.Postgres;
using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// The web bench's store generated on PostgreSQL (binary COPY, indexes built after loading) holds what the SQLite
/// store's bulk methods write for the same generator, and the real site (<c>serve --no-pipeline</c>, a process of its
/// own) serves its pages from it. On a throwaway cluster; skipped without PostgreSQL.
/// </summary>
public sealed class GeneratedPostgresStoreTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const int Articles = 300;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgresWriter_SameGeneratorAsSqlite_StoresTheSameContentAndTheSiteServesIt()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        await using var sqlite = await TemporaryStore.CreateAsync("foreigndesk-generated-", time, Ct);
        var expected = await new WebStoreGenerator(sqlite.Store, new SqliteGeneratedStoreWriter(sqlite.Store), time).GenerateAsync(Articles, 2, Ct);

        var connectionString = await cluster.CreateDatabaseAsync(Ct);
        using var shared = SharedStore.Postgres(connectionString);
        long storyId;
        string articlePath;
        await using (var app = shared.Open())
        {
            var store = app.Services.GetRequiredService<PostgresStore>();
            await store.MigrateAsync(Ct);
            GeneratedStore made;
            await using (var writer = new PostgresGeneratedStoreWriter(connectionString))
                made = await new WebStoreGenerator(store, writer, time).GenerateAsync(Articles, 2, Ct);
            Assert.Equal((expected.Articles, expected.Stories, expected.Views), (made.Articles, made.Stories, made.Views));

            var ids = await store.AllArticleIdsAsync(Ct);
            Assert.Equal(await sqlite.Store.AllArticleIdsAsync(Ct), ids);
            foreach (var id in ids)
            {
                Assert.Equal(JsonSerializer.Serialize(await sqlite.Store.GetArticleAsync(id, Ct)), JsonSerializer.Serialize(await store.GetArticleAsync(id, Ct)));
                Assert.Equal(await sqlite.Store.StoryOfAsync(id, Ct), await store.StoryOfAsync(id, Ct));
                Assert.Equal((await sqlite.Store.PrecomputedRelatedAsync(id, 5, Ct)).Select(a => a.Id), (await store.PrecomputedRelatedAsync(id, 5, Ct)).Select(a => a.Id));
            }
            Assert.Equal(await SqliteCountsAsync(sqlite.DatabasePath), await PostgresCountsAsync(connectionString));
            storyId = (await store.StoryOfAsync(ids[^1], Ct))!.Value;
            var newest = (await store.GetArticleAsync(ids[^1], Ct))!;
            articlePath = $"/article/{newest.Id.ToString(CultureInfo.InvariantCulture)}/{Slug.From(newest.DisplayTitle)}";
            // The indexes dropped for the load are back, and the page-change triggers enabled again.
            Assert.Equal(0L, await PostgresScalarAsync(connectionString,
                "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND t.tgenabled = 'D'"));
            Assert.Equal(1L, await PostgresScalarAsync(connectionString, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'articles_search'"));
        }

        var url = new Uri($"http://127.0.0.1:{PipelineProcess.FreePort()}/");
        using var site = shared.Start(Ct, "serve", "--no-pipeline", "--urls", url.AbsoluteUri.TrimEnd('/'));
        Assert.True(await site.WaitUntilAnsweringAsync(url, TimeSpan.FromMinutes(2), Ct), "the site did not answer on the generated PostgreSQL store");
        using var http = new HttpClient { BaseAddress = url };
        foreach (var path in new[] { "/", articlePath, $"/story/{storyId.ToString(CultureInfo.InvariantCulture)}", "/search?q=" + Uri.EscapeDataString(new ForeignDesk.Bench.SyntheticNews(23).EnglishWords[0]),
                     "/status", "/api/v1/articles?lang=de", "/feed.xml", "/sitemap.xml" })
        {
            using var response = await http.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/articles?limit=100", Ct));
        Assert.Equal(100, list.RootElement.GetProperty("items").GetArrayLength());
        await site.StopAsync(terminate: true, Ct);
    }

    private const string CountsSql =
        """
        SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM story_articles),
               (SELECT COUNT(*) FROM related_articles), (SELECT COUNT(*) FROM views), (SELECT SUM(count) FROM views)
        """;

    private static async Task<string> SqliteCountsAsync(string sqliteFile)
    {
        await using var connection = new SqliteConnection($"Data Source={sqliteFile};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = new SqliteCommand(CountsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return string.Join(' ', Enumerable.Range(0, 6).Select(i => reader.GetInt64(i)));
    }

    private static async Task<string> PostgresCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(CountsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return string.Join(' ', Enumerable.Range(0, 6).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)));
    }

    private static async Task<long> PostgresScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }
}
