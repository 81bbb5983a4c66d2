using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : ISegmentOverrideStore
{
    private const string OverrideColumns = "article_id, paragraph, original_hash, text, operator, at_ms";

    public async Task SaveOverrideAsync(SegmentOverride correction, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await KeepCorrectedVersionAsync(connection, correction.ArticleId, correction.AtUtc, cancellationToken);
        await ExecuteAsync(connection,
            $"""
            INSERT INTO segment_overrides ({OverrideColumns}) VALUES ($article, $paragraph, $hash, $text, $operator, $at)
            ON CONFLICT(article_id, paragraph) DO UPDATE SET
                original_hash = excluded.original_hash, text = excluded.text, operator = excluded.operator, at_ms = excluded.at_ms
            """,
            cancellationToken, ("$article", correction.ArticleId), ("$paragraph", correction.Paragraph), ("$hash", correction.OriginalHash),
            ("$text", correction.Text), ("$operator", correction.Operator), ("$at", Ms(correction.AtUtc)));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RemoveOverrideAsync(long articleId, int paragraph, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT 1 FROM segment_overrides WHERE article_id = $article AND paragraph = $paragraph", cancellationToken,
                ("$article", articleId), ("$paragraph", paragraph)) is null)
            return false;
        await KeepCorrectedVersionAsync(connection, articleId, _time.GetUtcNow(), cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM segment_overrides WHERE article_id = $article AND paragraph = $paragraph", cancellationToken,
            ("$article", articleId), ("$paragraph", paragraph));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Before a correction is saved or undone: the translation as it showed is kept as a version, when there is one.</summary>
    private static async Task KeepCorrectedVersionAsync(SqliteConnection connection, long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, "SELECT 1 FROM articles WHERE id = $id AND translation IS NOT NULL", cancellationToken, ("$id", articleId)) is not null)
            await KeepVersionAsync(connection, articleId, VersionCause.EditorCorrection, atUtc, cancellationToken);
    }

    public async Task<IReadOnlyList<SegmentOverride>> OverridesOfAsync(long articleId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {OverrideColumns} FROM segment_overrides WHERE article_id = $article ORDER BY paragraph",
            ReadOverride, cancellationToken, ("$article", articleId));

    public async Task<IReadOnlyList<SegmentOverride>> RecentOverridesAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {OverrideColumns} FROM segment_overrides ORDER BY at_ms DESC LIMIT $limit",
            ReadOverride, cancellationToken, ("$limit", limit));

    private static SegmentOverride ReadOverride(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), Instant(r.GetInt64(5)));
}
