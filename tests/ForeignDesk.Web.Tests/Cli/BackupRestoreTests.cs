using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary><c>foreigndesk backup</c> and <c>restore</c> through the real program, on a store that is being written to.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("foreigndesk-backup-").FullName;
    private string Data => Path.Combine(_folder, "data");
    private SqliteArticleStore _store = null!;
    private Source _source = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteArticleStore(Path.Combine(Data, "foreigndesk.db"), TimeProvider.System);
        await _store.MigrateAsync(Ct);
        _source = await _store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Backup_WhileWriting_ThenRestore_EveryArticleCommittedBeforeIsThere()
    {
        var before = new List<long>();
        for (var i = 0; i < 200; i++) before.Add(await SaveAsync($"antes-{i}"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var written = 0;
        var writing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await SaveAsync($"durante-{written}");
                written++;
            }
        }, Ct);
        var backup = Path.Combine(_folder, "copy.db");

        var result = await CliProcess.RunAsync(Data, null, Ct, "backup", backup);
        await stop.CancelAsync();
        await writing;

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"^backed up \d+ articles", result.Output);
        var check = await SqliteStoreFile.CheckAsync(backup, Ct);
        Assert.Null(check.Problem);
        Assert.InRange(check.Articles, before.Count, before.Count + written);

        var elsewhere = Path.Combine(_folder, "elsewhere");
        var restored = await CliProcess.RunInAsync(_folder, elsewhere, null, Ct, "restore", backup);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains($"restored {check.Articles} articles from {backup}", restored.Output);
        var store = new SqliteArticleStore(Path.Combine(elsewhere, "foreigndesk.db"), TimeProvider.System);
        foreach (var id in before)
        {
            var article = await store.GetArticleAsync(id, Ct);
            Assert.NotNull(article);
            Assert.Equal((await _store.GetArticleAsync(id, Ct))!.Url, article.Url);
        }
        Assert.Equal(check.Articles, (await store.AllArticleIdsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Restore_OverAStoreInUse_IsRefusedUnlessForced_AndTheOldStoreIsKept()
    {
        await SaveAsync("uno");
        var backup = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, null, Ct, "backup", backup)).ExitCode);
        await SaveAsync("dos");
        Assert.Equal(2, (await _store.AllArticleIdsAsync(Ct)).Count);

        // The store in use: a connection of this process held open (not a pooled one, which another test clearing
        // every pool of the process could close meanwhile).
        CliProcess.Result refused, forced;
        await using (var open = new SqliteConnection($"Data Source={Path.Combine(Data, "foreigndesk.db")};Pooling=False"))
        {
            await open.OpenAsync(Ct);
            await using (var read = open.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM articles";
                Assert.Equal(2L, await read.ExecuteScalarAsync(Ct));
            }
            refused = await CliProcess.RunAsync(Data, null, Ct, "restore", backup);
            forced = await CliProcess.RunAsync(Data, null, Ct, "restore", backup, "--force");
        }

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is open in another process", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.True(forced.ExitCode == 0, forced.Error);
        var aside = Assert.Single(Directory.GetFiles(Data, "foreigndesk.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Contains($"kept as {aside}", forced.Output);
        SqliteConnection.ClearAllPools();
        Assert.Single(await new SqliteArticleStore(Path.Combine(Data, "foreigndesk.db"), TimeProvider.System).AllArticleIdsAsync(Ct));
        Assert.Equal(2, (await new SqliteArticleStore(aside, TimeProvider.System).AllArticleIdsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Restore_FileThatIsNoStoreOrFromANewerBuild_IsRefusedInOneLine()
    {
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database", Ct);
        var other = Path.Combine(_folder, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x)";
            await create.ExecuteNonQueryAsync(Ct);
        }
        var newer = Path.Combine(_folder, "newer.db");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, null, Ct, "backup", newer)).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={newer};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var add = connection.CreateCommand();
            add.CommandText = "INSERT INTO schema_migrations (id, applied_ms) VALUES ('M9999FromTheFuture', 0)";
            await add.ExecuteNonQueryAsync(Ct);
        }

        var elsewhere = Path.Combine(_folder, "elsewhere");
        var notSqlite = await CliProcess.RunInAsync(_folder, elsewhere, null, Ct, "restore", text);
        var notStore = await CliProcess.RunInAsync(_folder, elsewhere, null, Ct, "restore", other);
        var future = await CliProcess.RunInAsync(_folder, elsewhere, null, Ct, "restore", newer);

        Assert.Equal((1, $"foreigndesk: {text} is not an SQLite database"), (notSqlite.ExitCode, notSqlite.Error.Trim()));
        Assert.Equal(1, notStore.ExitCode);
        Assert.StartsWith($"foreigndesk: {other} is an SQLite database but not a ForeignDesk store", notStore.Error, StringComparison.Ordinal);
        Assert.Equal(1, future.ExitCode);
        Assert.Contains("M9999FromTheFuture", future.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(elsewhere, "foreigndesk.db")));
    }

    [Fact]
    public async Task Backup_OverAnExistingFile_IsRefused()
    {
        var existing = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(existing, "mine", Ct);

        var result = await CliProcess.RunAsync(Data, null, Ct, "backup", existing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exists already", result.Error);
        Assert.Equal("mine", await File.ReadAllTextAsync(existing, Ct));
    }

    private Task<long> SaveAsync(string path) => BareArticles.SaveAsync(_store, _source, path, null, "News/World", CancellationToken.None);
}
