using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Finding articles a stop left between two states.</summary>
public sealed partial class SqliteArticleStore
{
    public async Task<IReadOnlyList<long>> UnplacedAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT a.id FROM articles a
            WHERE a.state <> $extracted AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
            ORDER BY a.id LIMIT $limit
            """,
            r => r.GetInt64(0), cancellationToken, ("$extracted", (int)ArticleState.Extracted), ("$limit", limit));
}
