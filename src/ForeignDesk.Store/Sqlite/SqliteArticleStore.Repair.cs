using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Finding articles a stop left between two states, from the index on state alone (never the article rows).</summary>
public sealed partial class SqliteArticleStore
{
    public async Task<IReadOnlyList<long>> UnplacedAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT a.id FROM articles a INDEXED BY articles_state
            WHERE a.state IN ($awaiting, $translated) AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
            ORDER BY a.id LIMIT $limit
            """,
            r => r.GetInt64(0), cancellationToken,
            ("$awaiting", (int)ArticleState.AwaitingEngine), ("$translated", (int)ArticleState.Translated), ("$limit", limit));
}
