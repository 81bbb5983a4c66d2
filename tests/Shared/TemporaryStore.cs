using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Tests.Shared;

/// <summary>A migrated store on a fresh SQLite file in its own temporary folder, which disposing deletes.</summary>
internal sealed class TemporaryStore : IAsyncDisposable
{
    private TemporaryStore(string folder, SqliteArticleStore store)
    {
        Folder = folder;
        Store = store;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "test.db");

    public SqliteArticleStore Store { get; }

    public static async Task<TemporaryStore> CreateAsync(string prefix, TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        var store = new SqliteArticleStore(Path.Combine(folder, "test.db"), time);
        await store.MigrateAsync(cancellationToken);
        return new TemporaryStore(folder, store);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
