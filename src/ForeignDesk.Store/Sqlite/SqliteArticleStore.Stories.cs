using System.Text.Json;
using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Stories and "You may like" lists on the same database file.</summary>
public sealed partial class SqliteArticleStore : IStoryStore
{
    public async Task<long> SavePlacementAsync(StoryPlacement placement, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var previous = await ScalarAsync(connection, "SELECT story_id FROM story_articles WHERE article_id = $id", cancellationToken,
            ("$id", placement.ArticleId));
        var sequence = (long)(await ScalarAsync(connection,
            """
            INSERT INTO story_articles (article_id, story_id, published_ms, duplicate_of, features, seq)
            VALUES ($id, $story, $published, $duplicate, $features, (SELECT COALESCE(MAX(seq), 0) + 1 FROM story_articles))
            ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, published_ms = excluded.published_ms,
                duplicate_of = excluded.duplicate_of, features = excluded.features, seq = excluded.seq
            RETURNING seq
            """, cancellationToken,
            ("$id", placement.ArticleId), ("$story", placement.StoryId), ("$published", Ms(placement.PublishedUtc)),
            ("$duplicate", placement.DuplicateOf), ("$features", placement.Features))
            ?? throw new InvalidOperationException("INSERT returned no sequence"));
        await RefreshStoryAsync(connection, placement.StoryId, cancellationToken);
        if (previous is long old && old != placement.StoryId) await RefreshStoryAsync(connection, old, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<IReadOnlyList<StoryPlacement>> PlacementsSinceAsync(long afterSequence, DateTimeOffset notBeforeUtc, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT article_id, story_id, published_ms, duplicate_of, features, seq FROM story_articles
            WHERE seq > $after AND published_ms >= $since ORDER BY seq
            """,
            r => new StoryPlacement(r.GetInt64(0), r.GetInt64(1), Instant(r.GetInt64(2)), r.IsDBNull(3) ? null : r.GetInt64(3),
                r.GetString(4), r.GetInt64(5)),
            cancellationToken, ("$after", afterSequence), ("$since", Ms(notBeforeUtc)));

    public async Task SaveRelatedAsync(long articleId, IReadOnlyList<long> relatedIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM related_articles WHERE article_id = $id", cancellationToken, ("$id", articleId));
        for (var rank = 0; rank < relatedIds.Count; rank++)
            await ExecuteAsync(connection, "INSERT INTO related_articles (article_id, rank, related_id) VALUES ($id, $rank, $related)",
                cancellationToken, ("$id", articleId), ("$rank", rank), ("$related", relatedIds[rank]));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleSummary>> PrecomputedRelatedAsync(long articleId, int limit, CancellationToken cancellationToken) =>
        StoryLists.Related(await QueryAsync(
            $"""
            SELECT {SummaryColumns}, rs.story_id, (SELECT story_id FROM story_articles WHERE article_id = $id)
            FROM related_articles r JOIN article_lines l ON l.id = r.related_id JOIN sources s ON s.id = l.source_id
            LEFT JOIN story_articles rs ON rs.article_id = r.related_id
            WHERE r.article_id = $id ORDER BY r.rank
            """,
            r => new RelatedRow(ReadSummary(r), r.IsDBNull(8) ? null : r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9)),
            cancellationToken, ("$id", articleId)), limit);

    /// <remarks>Three reads on kept connections with their statements prepared (<see cref="PreparedReads"/>): each costs SQLite little.</remarks>
    public async Task<ArticleWithStory?> ArticleWithStoryAsync(long articleId, int relatedLimit, CancellationToken cancellationToken) =>
        await GetArticleAsync(articleId, cancellationToken) is { } article
            ? new ArticleWithStory(article, await PrecomputedRelatedAsync(articleId, relatedLimit, cancellationToken),
                await StoryFactsOfArticleAsync(articleId, cancellationToken))
            : null;

    public async Task<long?> StoryOfAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT story_id FROM story_articles WHERE article_id = $id", r => (long?)r.GetInt64(0), cancellationToken,
            ("$id", articleId))).FirstOrDefault();

    public Task<Story?> GetStoryAsync(long storyId, CancellationToken cancellationToken) =>
        StoryLists.StoryAsync(storyId, QueryAsync(
                $"""
                SELECT {SummaryColumns}, s.slug, sa.duplicate_of FROM story_articles sa JOIN article_lines l ON l.id = sa.article_id
                JOIN sources s ON s.id = l.source_id WHERE sa.story_id = $id ORDER BY l.published_ms, l.id
                """,
                r => new StoryArticle(ReadSummary(r), r.GetString(8), r.IsDBNull(9) ? null : r.GetInt64(9)),
                cancellationToken, ("$id", storyId)),
            async () => (await QueryAsync("SELECT headline FROM stories WHERE id = $id", r => r.GetString(0), cancellationToken, ("$id", storyId)))
                .FirstOrDefault());

    public Task<StoryFacts?> StoryFactsAsync(long storyId, CancellationToken cancellationToken) =>
        FactsAsync("$id", storyId, cancellationToken);

    public Task<StoryFacts?> StoryFactsOfArticleAsync(long articleId, CancellationToken cancellationToken) =>
        FactsAsync("(SELECT story_id FROM story_articles WHERE article_id = $id)", articleId, cancellationToken);

    private async Task<StoryFacts?> FactsAsync(string story, long id, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"""
            SELECT st.id, st.headline, st.first_seen_ms, st.last_seen_ms, COUNT(*), COUNT(DISTINCT l.source_id), group_concat(DISTINCT l.language)
            FROM stories st JOIN story_articles sa ON sa.story_id = st.id JOIN article_lines l ON l.id = sa.article_id
            WHERE st.id = {story} GROUP BY st.id
            """,
            r => new StoryFacts(r.GetInt64(0), r.GetString(1), Instant(r.GetInt64(2)), Instant(r.GetInt64(3)), r.GetInt32(4), r.GetInt32(5),
                StoredValues.Languages(r.GetString(6))),
            cancellationToken, ("$id", id))).FirstOrDefault();

    public Task<StoryArticlePage> StoryArticlesAsync(long storyId, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        KeysetPages.OldestFirstAsync((from, count) => QueryAsync(
            $"""
            SELECT {SummaryColumns}, s.slug, sa.duplicate_of FROM story_articles sa JOIN article_lines l ON l.id = sa.article_id
            JOIN sources s ON s.id = l.source_id WHERE sa.story_id = $id
            {from switch
            {
                null => "ORDER BY sa.published_ms, sa.article_id",
                { Newer: false } => "AND (sa.published_ms, sa.article_id) < ($ms, $after) ORDER BY sa.published_ms DESC, sa.article_id DESC",
                _ => "AND (sa.published_ms, sa.article_id) > ($ms, $after) ORDER BY sa.published_ms, sa.article_id",
            }} LIMIT $limit
            """,
            r => new StoryArticle(ReadSummary(r), r.GetString(8), r.IsDBNull(9) ? null : r.GetInt64(9)),
            cancellationToken, ("$id", storyId), ("$ms", from is null ? 0L : Ms(from.PublishedUtc)), ("$after", from?.Id ?? 0L),
            ("$limit", count)), cursor, limit);

    public Task<IReadOnlyList<StoryLine>> LatestStoriesAsync(int limit, CancellationToken cancellationToken) =>
        StoryLists.LatestAsync(
            scan => QueryAsync(
                $"""
                SELECT {SummaryColumns}, sa.story_id {SummaryFrom} LEFT JOIN story_articles sa ON sa.article_id = a.id
                ORDER BY a.published_ms DESC, a.id DESC LIMIT $scan
                """,
                r => new RecentRow(ReadSummary(r), r.IsDBNull(8) ? null : r.GetInt64(8)), cancellationToken, ("$scan", scan)),
            ids => QueryAsync(
                """
                SELECT sa.story_id, COUNT(*), COUNT(DISTINCT l.source_id), group_concat(DISTINCT l.language), st.headline
                FROM story_articles sa JOIN article_lines l ON l.id = sa.article_id JOIN stories st ON st.id = sa.story_id
                WHERE sa.story_id IN (SELECT value FROM json_each($ids)) GROUP BY sa.story_id
                """,
                r => new StoryLineFacts(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4)),
                cancellationToken, ("$ids", JsonSerializer.Serialize(ids))),
            limit);

    /// <summary>
    /// Recomputes a story's headline (its earliest English title, else its earliest title, of an article the outlet has
    /// not removed), first/last seen and size.
    /// </summary>
    private static async Task RefreshStoryAsync(SqliteConnection connection, long storyId, CancellationToken cancellationToken)
    {
        var count = (long)(await ScalarAsync(connection, "SELECT COUNT(*) FROM story_articles WHERE story_id = $id", cancellationToken, ("$id", storyId)) ?? 0L);
        if (count == 0)
        {
            await ExecuteAsync(connection, "DELETE FROM stories WHERE id = $id", cancellationToken, ("$id", storyId));
            return;
        }
        await ExecuteAsync(connection,
            """
            INSERT INTO stories (id, headline, first_seen_ms, last_seen_ms, article_count)
            SELECT $id,
                COALESCE(
                    (SELECT json_extract(a.translation, '$.title') FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed_ms IS NULL
                     WHERE sa.story_id = $id AND a.state = $translated AND a.translation IS NOT NULL ORDER BY sa.published_ms, a.id LIMIT 1),
                    (SELECT json_extract(a.original, '$.title') FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed_ms IS NULL
                     WHERE sa.story_id = $id ORDER BY sa.published_ms, a.id LIMIT 1), ''),
                MIN(published_ms), MAX(published_ms), COUNT(*)
            FROM story_articles WHERE story_id = $id
            ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, first_seen_ms = excluded.first_seen_ms,
                last_seen_ms = excluded.last_seen_ms, article_count = excluded.article_count
            """, cancellationToken, ("$id", storyId), ("$translated", (int)ArticleState.Translated));
    }
}
