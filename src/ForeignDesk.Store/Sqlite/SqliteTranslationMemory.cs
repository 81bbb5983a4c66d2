using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The translation memory in the store's SQLite file (table <c>translation_memory</c>, created by migration
/// 0100). Each unit is keyed by a SHA-256 of its scope and source text.
/// </summary>
public sealed class SqliteTranslationMemory : ITranslationMemory
{
    /// <summary>Keys per lookup query, well under SQLite's parameter limit.</summary>
    private const int LookupChunk = 400;

    private readonly SqliteDatabase database;
    private readonly TimeProvider time;

    public SqliteTranslationMemory(string databasePath, TimeProvider time)
    {
        database = new SqliteDatabase(databasePath, create: false);
        this.time = time;
    }

    public async Task<IReadOnlyDictionary<string, MemoryEntry>> FindAsync(
        MemoryScope scope, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        var lookup = new MemoryLookup(scope, sources);
        if (sources.Count == 0) return lookup.Found;
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in lookup.Keys.Chunk(LookupChunk))
        {
            await using var command = connection.CreateCommand();
            var names = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                names.Add($"$k{i}");
                command.Parameters.AddWithValue($"$k{i}", chunk[i]);
            }
            command.CommandText = $"SELECT key, source, target, unknown_share FROM translation_memory WHERE key IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                lookup.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
        }
        return lookup.Found;
    }

    public async Task SaveAsync(MemoryScope scope, IReadOnlyCollection<MemoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT OR REPLACE INTO translation_memory
                (key, from_language, to_language, engine, glossary, source, target, unknown_share, created_ms)
            VALUES ($key, $from, $to, $engine, $glossary, $source, $target, $unknown, $now)
            """;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$from", scope.From);
        command.Parameters.AddWithValue("$to", scope.To);
        command.Parameters.AddWithValue("$engine", scope.Engine);
        command.Parameters.AddWithValue("$glossary", scope.GlossaryVersion);
        var source = command.Parameters.Add("$source", SqliteType.Text);
        var target = command.Parameters.Add("$target", SqliteType.Text);
        var unknown = command.Parameters.Add("$unknown", SqliteType.Real);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var entry in entries)
        {
            key.Value = StoredValues.MemoryKey(scope, entry.Source);
            source.Value = entry.Source;
            target.Value = entry.Target;
            unknown.Value = entry.UnknownWordShare;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);
}
