using Microsoft.Data.Sqlite;

namespace ForeignDesk.Tests.Shared;

/// <summary>A fresh data folder for a test; disposing it closes pooled SQLite connections and deletes the folder.</summary>
internal sealed class TemporaryDataFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
