using System.Text.Json;
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

    public async Task<int?> WithdrawSourceAsync(long sourceId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT 1 FROM sources WHERE id = $id", cancellationToken, ("$id", sourceId)) is null) return null;
        await using var record = Command(connection,
            """
            INSERT INTO withdrawn_articles (id, source_id, url, withdrawn_ms) SELECT id, source_id, url, $at FROM articles WHERE source_id = $id
            ON CONFLICT(id) DO NOTHING
            """, ("$id", sourceId), ("$at", Ms(atUtc)));
        var withdrawn = await record.ExecuteNonQueryAsync(cancellationToken);
        foreach (var sql in (string[])[.. RemoveArticlesOfSource, "DELETE FROM endpoints WHERE source_id = $id",
            "UPDATE sources SET feed_urls = '[]', paused = 1, policy = 'withdrawn' WHERE id = $id"])
            await ExecuteAsync(connection, sql, cancellationToken, ("$id", sourceId));
        await transaction.CommitAsync(cancellationToken);
        return withdrawn;
    }

    public async Task<WithdrawnArticle?> WithdrawnArticleAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT w.id, COALESCE(s.name, ''), w.url, w.withdrawn_ms FROM withdrawn_articles w LEFT JOIN sources s ON s.id = w.source_id WHERE w.id = $id",
            r => new WithdrawnArticle(r.GetInt64(0), r.GetString(1), r.GetString(2), Instant(r.GetInt64(3))), cancellationToken, ("$id", articleId)))
            .FirstOrDefault();

    public async Task<IReadOnlyDictionary<long, ArticleOrigin>> OriginsOfAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0) return new Dictionary<long, ArticleOrigin>();
        return (await QueryAsync(
            """
            SELECT a.id, a.source_id, json_extract(a.original, '$.robots'), a.first_seen_ms,
                   COALESCE(json_extract(a.translation, '$.teaser'), json_extract(a.original, '$.teaser')) IS NOT NULL
            FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids))
            """,
            r => (Id: r.GetInt64(0), Origin: new ArticleOrigin(r.GetInt64(1), r.IsDBNull(2) ? PublisherDirectives.None : (PublisherDirectives)r.GetInt32(2),
                Instant(r.GetInt64(3)), r.GetInt64(4) != 0)),
            cancellationToken, ("$ids", JsonSerializer.Serialize(articleIds))))
            .ToDictionary(d => d.Id, d => d.Origin);
    }

    public async Task<IReadOnlyList<FetchProblem>> SourceProblemsAsync(long sourceId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT source_id, url, stage, message, at_ms FROM problems WHERE source_id = $id ORDER BY id DESC LIMIT $limit",
            r => new FetchProblem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Instant(r.GetInt64(4))),
            cancellationToken, ("$id", sourceId), ("$limit", limit));
}
