using ForeignDesk.Bench;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Bench.Tests;

public sealed class BenchStoreFileTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("foreigndesk-benchstore-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SaveThenReuse_SameArticleCount_CopiesTheStore()
    {
        var made = Path.Combine(_directory, "made", "foreigndesk.db");
        var kept = Path.Combine(_directory, "kept", "bench.db");
        await MakeStoreAsync(made, articles: 3);
        await BenchStoreFile.SaveAsync(made, kept, Ct);

        var copy = Path.Combine(_directory, "copy.db");
        var (notReused, migrates) = await BenchStoreFile.TryReuseAsync(kept, 3, copy, Ct);

        Assert.Null(notReused);
        Assert.False(migrates);
        Assert.Equal(3, (await BenchStoreFile.ArticleIdsAsync(copy, Ct)).Count);
        var store = new SqliteArticleStore(copy, TimeProvider.System);
        Assert.Equal(3, (await store.SearchAsync(new SearchQuery("harbour"), Ct)).Total);
    }

    [Fact]
    public async Task TryReuse_OtherCountMissingFileOrNotAStore_SaysWhyAndCopiesNothing()
    {
        var kept = Path.Combine(_directory, "bench.db");
        var copy = Path.Combine(_directory, "copy.db");
        Assert.Contains("no store at", (await BenchStoreFile.TryReuseAsync(kept, 3, copy, Ct)).NotReused);

        await MakeStoreAsync(kept, articles: 2);
        Assert.Contains("holds 2 articles, not 3", (await BenchStoreFile.TryReuseAsync(kept, 3, copy, Ct)).NotReused);

        var other = Path.Combine(_directory, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={other}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_migrations (id TEXT PRIMARY KEY); INSERT INTO schema_migrations VALUES ('9999-elsewhere');";
            await command.ExecuteNonQueryAsync(Ct);
        }
        Assert.Contains("schema this build does not know", (await BenchStoreFile.TryReuseAsync(other, 3, copy, Ct)).NotReused);
        Assert.False(File.Exists(copy));
    }

    private static async Task MakeStoreAsync(string path, int articles)
    {
        var store = new SqliteArticleStore(path, new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero)));
        await store.MigrateAsync(Ct);
        var source = await store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var at = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        await store.BulkInsertAsync(Enumerable.Range(0, articles).Select(i => new BulkArticle(source.Id, $"https://diario.example/{i}", "es",
            new ExtractedArticle($"Puerto {i}", null, [new Paragraph("p", "El puerto.", "El puerto.")], null, at, null, "es", null, null, null, []),
            new TranslatedArticle($"Harbour {i}", null, [new Paragraph("p", "The harbour.", "The harbour.")], null, "test", "es", 0),
            at.AddMinutes(-i), "News/World")), Ct);
    }
}
