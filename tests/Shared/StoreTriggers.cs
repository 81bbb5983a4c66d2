using Microsoft.Data.Sqlite;

namespace ForeignDesk.Tests.Shared;

/// <summary>A SQLite store's triggers as "name: sql", by name: what a migrated store's must equal after a bulk write drops and makes them again.</summary>
internal static class StoreTriggers
{
    public static async Task<List<string>> ReadAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var triggers = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) triggers.Add(reader.GetString(0));
        return triggers;
    }
}
