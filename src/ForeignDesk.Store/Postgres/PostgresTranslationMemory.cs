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
        var found = new Dictionary<string, MemoryEntry>(StringComparer.Ordinal);
        if (sources.Count == 0) return found;
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources) byKey[StoredValues.MemoryKey(scope, source)] = source;
        var rows = await _database.QueryAsync("SELECT key, source, target, unknown_share FROM translation_memory WHERE key = ANY(@keys)",
            r => (Key: r.GetString(0), Source: r.GetString(1), Target: r.GetString(2), Unknown: r.GetDouble(3)),
            cancellationToken, ("keys", byKey.Keys.ToArray()));
        foreach (var row in rows)
        {
            var source = byKey[row.Key];
            // A hash collision would show as a different source text: treat it as a miss.
            if (row.Source == source) found[source] = new MemoryEntry(source, row.Target, row.Unknown);
        }
        return found;
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
