using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Stored articles read and re-filed in batches, for reclassifying after the section table changed.</summary>
public sealed partial class SqliteArticleStore
{
    public async Task<IReadOnlyList<CategorizedArticle>> ArticlesForCategoriesAsync(CategoryScan scan, long afterId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT a.id, a.source_id, json_extract(a.original, '$.section'), a.url, a.category,
                CASE WHEN a.translation IS NULL THEN NULL ELSE
                    COALESCE(json_extract(a.translation, '$.title'), '') || char(10) ||
                    COALESCE(json_extract(a.translation, '$.teaser'), '') || char(10) ||
                    COALESCE((SELECT group_concat(json_extract(p.value, '$.text'), char(10)) FROM json_each(a.translation, '$.paragraphs') p), '')
                END
            FROM articles a
            WHERE a.id > $after AND ($source IS NULL OR a.source_id = $source) AND ($since IS NULL OR a.published_ms >= $since)
            ORDER BY a.id LIMIT $limit
            """,
            r => new CategorizedArticle(r.GetInt64(0), r.GetInt64(1), StringOrNull(r, 2), r.GetString(3), r.GetString(4), StringOrNull(r, 5)),
            cancellationToken, ("$after", afterId), ("$source", scan.SourceId), ("$since", scan.SinceUtc is { } since ? (object)Ms(since) : null),
            ("$limit", limit));

    public async Task<int> ChangeCategoriesAsync(IReadOnlyList<CategoryChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return 0;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var change in changes)
        {
            await using var command = Command(connection, "UPDATE articles SET category = $to WHERE id = $id AND category = $from",
                ("$to", change.To), ("$id", change.ArticleId), ("$from", change.From));
            changed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
