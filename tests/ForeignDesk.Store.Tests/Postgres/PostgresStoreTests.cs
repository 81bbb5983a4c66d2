using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Postgres;
using ForeignDesk.Store.Tests.Contract;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace ForeignDesk.Store.Tests.Postgres;

/// <summary>What only a server shared by several processes shows: stores that migrate and save at the same moment.</summary>
public sealed class PostgresStoreTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly List<NpgsqlDataSource> _sources = [];
    private string _connectionString = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        _connectionString = await cluster.CreateDatabaseAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources) await source.DisposeAsync();
    }

    /// <summary>A store as another process would have it: its own connection pool.</summary>
    private PostgresStore Process() => new(Source(), _time);

    /// <summary>Another process's connection pool.</summary>
    private NpgsqlDataSource Source()
    {
        var source = NpgsqlDataSource.Create(_connectionString);
        _sources.Add(source);
        return source;
    }

    [Fact]
    public async Task MigrateAsync_SeveralProcessesAtOnce_ApplyEachMigrationOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Process()).ToList();

        await Task.WhenAll(stores.Select(s => s.MigrateAsync(Ct)));

        Assert.All(await Task.WhenAll(stores.Select(s => s.IsSchemaCurrentAsync(Ct))), Assert.True);
    }

    [Fact]
    public async Task SaveArticleAsync_SameUrlFromTwoProcessesAtOnce_StoresOneArticle()
    {
        var first = Process();
        var second = Process();
        await first.MigrateAsync(Ct);
        var source = await first.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://e.example/"), [], "es", "News/World", "UTC"), Ct);

        for (var i = 0; i < 20; i++)
        {
            var url = $"https://e.example/{i}";
            var results = await Task.WhenAll(first.SaveArticleAsync(Draft(source.Id, url), _time.GetUtcNow(), Ct),
                second.SaveArticleAsync(Draft(source.Id, url), _time.GetUtcNow(), Ct));

            Assert.Equal([ArticleChange.Created, ArticleChange.Unchanged], results.Select(r => r.Change).Order());
            Assert.Equal(results[0].ArticleId, results[1].ArticleId);
        }
        Assert.Equal(20, (await second.AllArticleIdsAsync(Ct)).Count);
    }

    [Fact]
    public async Task SaveRelatedAsync_OneArticleFromTwoProcessesAtOnce_KeepsOneWholeListOfEither()
    {
        var first = Process();
        var second = Process();
        await first.MigrateAsync(Ct);
        var source = await first.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://e.example/"), [], "es", "News/World", "UTC"), Ct);
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
            ids.Add((await first.SaveArticleAsync(Draft(source.Id, $"https://e.example/related/{i}"), _time.GetUtcNow(), Ct)).ArticleId);
        long[] one = [ids[1], ids[2]], other = [ids[3], ids[4], ids[5]];

        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(first.SaveRelatedAsync(ids[0], one, Ct), second.SaveRelatedAsync(ids[0], other, Ct));

            await using var connection = await _sources[0].OpenConnectionAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT related_id FROM related_articles WHERE article_id = @id ORDER BY rank", connection);
            command.Parameters.AddWithValue("id", ids[0]);
            var stored = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync(Ct))
                while (await reader.ReadAsync(Ct)) stored.Add(reader.GetInt64(0));
            Assert.True(stored.SequenceEqual(one) || stored.SequenceEqual(other), $"round {round}: a mixed list [{string.Join(", ", stored)}]");
        }
    }

    [Fact]
    public async Task MigrateAsync_NoServer_SaysWhereItLookedInOneLine()
    {
        var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=news;Username=desk;Password=secret;Timeout=2");
        _sources.Add(source);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new PostgresStore(source, _time).MigrateAsync(Ct));

        Assert.StartsWith("The PostgreSQL store at 127.0.0.1:1 (database news) cannot be opened: ", error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private ArticleDraft Draft(long sourceId, string url) => new(
        sourceId, url, "es",
        new ExtractedArticle("Un título", null, [new Paragraph("p", "Texto.", "Texto.")], null, _time.GetUtcNow(), null, "es", url, null, null, []),
        _time.GetUtcNow(), false, "News/World", "h1",
        new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), _time.GetUtcNow(), null));

    [Fact]
    public async Task Leadership_TheHoldersConnectionDies_AnotherProcessTakesTheRole_AndTheHolderSeesItLost()
    {
        var holder = await new PostgresLeadership(Source()).TryAcquireAsync(Leadership.Clusterer, Ct);
        Assert.NotNull(holder);
        var other = new PostgresLeadership(Source());
        Assert.Null(await other.TryAcquireAsync(Leadership.Clusterer, Ct));

        // The holder's session ends as if its process were killed or its network cut.
        await using (var admin = await Source().OpenConnectionAsync(Ct))
        await using (var terminate = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, admin))
            Assert.Equal(1L, await terminate.ExecuteScalarAsync(Ct));

        ILeadershipLease? taken = null;
        for (var tries = 0; taken is null && tries < 100; tries++)
        {
            taken = await other.TryAcquireAsync(Leadership.Clusterer, Ct);
            if (taken is null) await Task.Delay(50, Ct);
        }
        await using (taken)
        {
            Assert.NotNull(taken);
            Assert.False(await holder.RenewAsync(Ct));
            await holder.DisposeAsync();
            Assert.True(await taken.RenewAsync(Ct));
        }
    }
}
