using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>A temporary data folder holding a migrated SQLite store, for the commands that work on a store.</summary>
internal sealed class StoredDataFolder : IDisposable
{
    private readonly TemporaryDataFolder _folder;

    private StoredDataFolder(TemporaryDataFolder folder, SqliteArticleStore store) => (_folder, Store) = (folder, store);

    /// <summary>The data folder, as <c>--data</c> names it.</summary>
    public string Path => _folder.Path;

    public string DatabasePath => System.IO.Path.Combine(Path, "foreigndesk.db");

    public SqliteArticleStore Store { get; }

    public static async Task<StoredDataFolder> CreateAsync(string prefix, CancellationToken ct)
    {
        var folder = new TemporaryDataFolder(prefix);
        var store = new SqliteArticleStore(System.IO.Path.Combine(folder.Path, "foreigndesk.db"), TimeProvider.System);
        await store.MigrateAsync(ct);
        return new StoredDataFolder(folder, store);
    }

    /// <summary>
    /// The jobs of <paramref name="kind"/> in the store's file at <paramref name="databasePath"/>, each as kind, key and
    /// state, in the order they were first queued; read with SQL of the test's own.
    /// </summary>
    public static async Task<List<string>> JobsAsync(string databasePath, string kind, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, key, state FROM jobs WHERE kind = $kind ORDER BY id";
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var jobs = new List<string>();
        while (await reader.ReadAsync(ct)) jobs.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        return jobs;
    }

    public void Dispose() => _folder.Dispose();
}
