using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>The translation memory in the PostgreSQL store (table <c>translation_memory</c>), keyed as on SQLite.</summary>
public sealed class PostgresTranslationMemory(NpgsqlDataSource dataSource, TimeProvider time) : ITranslationMemory
{
    private readonly PostgresDatabase _database = new(dataSource);

    public async Task<IReadOnlyDictionary<string, MemoryEntry>> FindAsync(
        MemoryScope scope, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        var lookup = new MemoryLookup(scope, sources);
        if (sources.Count == 0) return lookup.Found;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT key, source, target, unknown_share FROM translation_memory WHERE key = ANY(@keys)", ("keys", lookup.Keys.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lookup.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
        return lookup.Found;
    }

    public async Task SaveAsync(MemoryScope scope, IReadOnlyCollection<MemoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        // One row per key: of the same source given twice, the last one counts.
        var unique = entries.GroupBy(e => e.Source, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await _database.ExecuteAsync(
            """
            INSERT INTO translation_memory (key, from_language, to_language, engine, glossary, source, target, unknown_share, created)
            SELECT e.key, @from, @to, @engine, @glossary, e.source, e.target, e.unknown, @now
            FROM unnest(@keys, @sources, @targets, @unknowns) AS e(key, source, target, unknown)
            ON CONFLICT (key) DO UPDATE SET source = excluded.source, target = excluded.target,
                unknown_share = excluded.unknown_share, created = excluded.created
            """, cancellationToken,
            ("from", scope.From), ("to", scope.To), ("engine", scope.Engine), ("glossary", scope.GlossaryVersion), ("now", time.GetUtcNow()),
            ("keys", unique.Select(e => StoredValues.MemoryKey(scope, e.Source)).ToArray()), ("sources", unique.Select(e => e.Source).ToArray()),
            ("targets", unique.Select(e => e.Target).ToArray()), ("unknowns", unique.Select(e => e.UnknownWordShare).ToArray()));
    }
}
