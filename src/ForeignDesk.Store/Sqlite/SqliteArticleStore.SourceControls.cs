using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : ISourceControlStore
{
    public async Task<IReadOnlyDictionary<long, SourceControls>> SourceControlsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, paused, policy FROM sources",
            r => new SourceControls(r.GetInt64(0), r.GetInt64(1) != 0, Enum.Parse<SourcePolicy>(r.GetString(2), ignoreCase: true)), cancellationToken))
            .ToDictionary(c => c.SourceId);

    public async Task<bool> EditSourceAsync(long sourceId, SourceEdit edit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            """
            UPDATE sources SET name = $name, language = $language, category = $category, time_zone = $zone, policy = $policy
            WHERE id = $id
            """,
            ("$id", sourceId), ("$name", edit.Name), ("$language", SourceLanguages.Normalize(edit.Language)), ("$category", edit.Category),
            ("$zone", edit.TimeZone), ("$policy", edit.Policy.ToString().ToLowerInvariant()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SetPausedAsync(long sourceId, bool paused, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE sources SET paused = $paused WHERE id = $id", cancellationToken, ("$id", sourceId), ("$paused", paused ? 1 : 0));
    }

    public async Task StopFollowingAsync(long sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM endpoints WHERE source_id = $id", cancellationToken, ("$id", sourceId));
        await ExecuteAsync(connection, "UPDATE sources SET feed_urls = '[]', paused = 1 WHERE id = $id", cancellationToken, ("$id", sourceId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FetchProblem>> SourceProblemsAsync(long sourceId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT source_id, url, stage, message, at_ms FROM problems WHERE source_id = $id ORDER BY id DESC LIMIT $limit",
            r => new FetchProblem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Instant(r.GetInt64(4))),
            cancellationToken, ("$id", sourceId), ("$limit", limit));
}
