using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// For a bulk write in one transaction: one of the triggers that record changed pages (migration
/// <c>0700-page-versions</c>) dropped while the rows go in, the tags it would have recorded gathered, and at the end
/// recorded in one statement (each tag once, each with the next sequence number, as the trigger gives them) and the
/// trigger made again from its own SQL, before the commit: no committed state lacks it. A trigger records its tags
/// once per row, and a tag many rows share (<c>latest</c>, a story's) as many times; a bulk write of a million rows
/// spent most of its time there.
/// </summary>
internal sealed class PageTouches
{
    private readonly SqliteConnection _connection;
    private readonly string _trigger;
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

    private PageTouches(SqliteConnection connection, string trigger)
    {
        _connection = connection;
        _trigger = trigger;
    }

    /// <summary>Drops the trigger <paramref name="name"/> within the connection's open transaction.</summary>
    public static async Task<PageTouches> SuspendAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        var sql = (string?)await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The store has no trigger {name}.");
        command.CommandText = $"DROP TRIGGER {name}";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new PageTouches(connection, sql);
    }

    /// <summary>A page tag the rows written change (<c>article:ID</c>, <c>story:ID</c>, <c>latest</c>, ...).</summary>
    public void Touch(string tag) => _tags.Add(tag);

    /// <summary>Records the gathered tags and makes the trigger again.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        if (_tags.Count > 0)
        {
            // WHERE true: an upsert after a SELECT with a FROM needs it, or ON is read as a join's.
            command.CommandText =
                """
                INSERT INTO page_versions (tag, seq, at_ms)
                    SELECT value, (SELECT COALESCE(MAX(seq), 0) FROM page_versions) + key + 1,
                        CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
                    FROM json_each($tags) WHERE true
                    ON CONFLICT(tag) DO UPDATE SET seq = excluded.seq, at_ms = excluded.at_ms
                """;
            command.Parameters.AddWithValue("$tags", System.Text.Json.JsonSerializer.Serialize(_tags));
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.Parameters.Clear();
        }
        command.CommandText = _trigger;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
