using ForeignDesk.Core;
using ForeignDesk.Store.Postgres.Migrations;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>Stories, merges and "You may like" lists.</summary>
public sealed partial class PostgresStore : IStoryStore
{
    public async Task<long> SavePlacementAsync(StoryPlacement placement, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockChangeOrderAsync(connection, cancellationToken);
        var previous = await ScalarAsync(connection, "SELECT story_id FROM story_articles WHERE article_id = @id", cancellationToken,
            ("id", placement.ArticleId));
        var sequence = (long)(await ScalarAsync(connection,
            """
            INSERT INTO story_articles (article_id, story_id, published, duplicate_of, features, seq)
            VALUES (@id, @story, @published, @duplicate::bigint, @features, nextval('story_placement_seq'))
            ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, published = excluded.published,
                duplicate_of = excluded.duplicate_of, features = excluded.features, seq = excluded.seq
            RETURNING seq
            """, cancellationToken,
            ("id", placement.ArticleId), ("story", placement.StoryId), ("published", placement.PublishedUtc),
            ("duplicate", placement.DuplicateOf), ("features", placement.Features))
            ?? throw new InvalidOperationException("INSERT returned no sequence"));
        await RefreshStoryAsync(connection, placement.StoryId, cancellationToken);
        if (previous is long old && old != placement.StoryId) await RefreshStoryAsync(connection, old, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<IReadOnlyList<StoryPlacement>> PlacementsSinceAsync(long afterSequence, DateTimeOffset notBeforeUtc, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT article_id, story_id, published, duplicate_of, features, seq FROM story_articles
            WHERE seq > @after AND published >= @since ORDER BY seq
            """,
            r => new StoryPlacement(r.GetInt64(0), r.GetInt64(1), Instant(r, 2), LongOrNull(r, 3), r.GetString(4), r.GetInt64(5)),
            cancellationToken, ("after", afterSequence), ("since", notBeforeUtc));

    public async Task SaveRelatedAsync(long articleId, IReadOnlyList<long> relatedIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two workers may rewrite one article's list at once: the second waits for the first, then replaces its list
        // (without the lock, both delete nothing and the second insert breaks the primary key).
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@locks, hashint8(@id))", cancellationToken,
            ("locks", PostgresSchema.RelatedListLocks), ("id", articleId));
        await ExecuteAsync(connection, "DELETE FROM related_articles WHERE article_id = @id", cancellationToken, ("id", articleId));
        await ExecuteAsync(connection,
            "INSERT INTO related_articles (article_id, rank, related_id) SELECT @id, r.rank - 1, r.related FROM unnest(@related) WITH ORDINALITY r(related, rank)",
            cancellationToken, ("id", articleId), ("related", relatedIds.ToArray()));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The precomputed related rows of article <c>@id</c>, with each one's story and the article's own.</summary>
    private const string RelatedSql =
        $"""
        SELECT {SummaryColumns}, rs.story_id, (SELECT story_id FROM story_articles WHERE article_id = @id)
        FROM related_articles r JOIN articles a ON a.id = r.related_id AND a.removed IS NULL JOIN sources s ON s.id = a.source_id
        LEFT JOIN story_articles rs ON rs.article_id = r.related_id
        WHERE r.article_id = @id ORDER BY r.rank
        """;

    public async Task<IReadOnlyList<ArticleSummary>> PrecomputedRelatedAsync(long articleId, int limit, CancellationToken cancellationToken) =>
        StoryLists.Related(await QueryAsync(RelatedSql, ReadRelated, cancellationToken, ("id", articleId)), limit);

    /// <remarks>
    /// The three statements go as one batch on one connection: one round trip to the server instead of three, which on
    /// a machine the site shares with the server costs more than the statements themselves.
    /// </remarks>
    public async Task<ArticleWithStory?> ArticleWithStoryAsync(long articleId, int relatedLimit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in new[] { ArticleByIdSql, RelatedSql, StoryFactsOfArticleSql })
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<long>("id", articleId) } });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var article = ReadArticle(reader);
        await reader.NextResultAsync(cancellationToken);
        var related = new List<RelatedRow>();
        while (await reader.ReadAsync(cancellationToken)) related.Add(ReadRelated(reader));
        await reader.NextResultAsync(cancellationToken);
        var story = await reader.ReadAsync(cancellationToken) ? ReadFacts(reader) : null;
        return new ArticleWithStory(article, StoryLists.Related(related, relatedLimit), story);
    }

    private static RelatedRow ReadRelated(NpgsqlDataReader r) => new(ReadSummary(r), LongOrNull(r, 8), LongOrNull(r, 9));

    public async Task<long?> StoryOfAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT story_id FROM story_articles WHERE article_id = @id", r => (long?)r.GetInt64(0), cancellationToken,
            ("id", articleId))).FirstOrDefault();

    public Task<Story?> GetStoryAsync(long storyId, CancellationToken cancellationToken) =>
        StoryLists.StoryAsync(storyId, QueryAsync(
                $"""
                SELECT {SummaryColumns}, s.slug, sa.duplicate_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed IS NULL
                JOIN sources s ON s.id = a.source_id WHERE sa.story_id = @id ORDER BY a.published, a.id
                """,
                r => new StoryArticle(ReadSummary(r), r.GetString(8), LongOrNull(r, 9)),
                cancellationToken, ("id", storyId)),
            async () => (await QueryAsync("SELECT headline FROM stories WHERE id = @id", r => r.GetString(0), cancellationToken, ("id", storyId)))
                .FirstOrDefault());

    public async Task<StoryFacts?> StoryFactsAsync(long storyId, CancellationToken cancellationToken) =>
        (await QueryAsync(StoryFactsByIdSql, ReadFacts, cancellationToken, ("id", storyId))).FirstOrDefault();

    public async Task<StoryFacts?> StoryFactsOfArticleAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync(StoryFactsOfArticleSql, ReadFacts, cancellationToken, ("id", articleId))).FirstOrDefault();

    private static readonly string StoryFactsByIdSql = FactsSql("@id");

    private static readonly string StoryFactsOfArticleSql = FactsSql("(SELECT story_id FROM story_articles WHERE article_id = @id)");

    /// <summary>The facts of the story <paramref name="story"/> (an expression on <c>@id</c>) names.</summary>
    private static string FactsSql(string story) =>
        $"""
        SELECT st.id, st.headline, st.first_seen, st.last_seen, COUNT(*)::integer, COUNT(DISTINCT a.source_id)::integer,
            string_agg(DISTINCT a.language, ',')
        FROM stories st JOIN story_articles sa ON sa.story_id = st.id JOIN articles a ON a.id = sa.article_id AND a.removed IS NULL
        WHERE st.id = {story} GROUP BY st.id
        """;

    private static StoryFacts ReadFacts(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), Instant(r, 2), Instant(r, 3), r.GetInt32(4), r.GetInt32(5), StoredValues.Languages(r.GetString(6)));

    public Task<StoryArticlePage> StoryArticlesAsync(long storyId, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        KeysetPages.OldestFirstAsync((from, count) => QueryAsync(
            $"""
            SELECT {SummaryColumns}, s.slug, sa.duplicate_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed IS NULL
            JOIN sources s ON s.id = a.source_id WHERE sa.story_id = @id
            {from switch
            {
                null => "ORDER BY sa.published, sa.article_id",
                { Newer: false } => "AND (sa.published, sa.article_id) < (@at, @after) ORDER BY sa.published DESC, sa.article_id DESC",
                _ => "AND (sa.published, sa.article_id) > (@at, @after) ORDER BY sa.published, sa.article_id",
            }} LIMIT @limit
            """,
            r => new StoryArticle(ReadSummary(r), r.GetString(8), LongOrNull(r, 9)),
            cancellationToken, ("id", storyId), ("at", from?.PublishedUtc ?? DateTimeOffset.UnixEpoch), ("after", from?.Id ?? 0L),
            ("limit", count)), cursor, limit);

    public Task<IReadOnlyList<StoryLine>> LatestStoriesAsync(int limit, CancellationToken cancellationToken) =>
        StoryLists.LatestAsync(
            scan => QueryAsync(
                $"""
                SELECT {SummaryColumns}, sa.story_id {SummaryFrom} LEFT JOIN story_articles sa ON sa.article_id = a.id
                ORDER BY a.published DESC, a.id DESC LIMIT @scan
                """,
                r => new RecentRow(ReadSummary(r), LongOrNull(r, 8)), cancellationToken, ("scan", scan)),
            ids => QueryAsync(
                """
                SELECT sa.story_id, COUNT(*)::integer, COUNT(DISTINCT a.source_id)::integer, string_agg(DISTINCT a.language, ','), st.headline
                FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed IS NULL JOIN stories st ON st.id = sa.story_id
                WHERE sa.story_id = ANY(@ids) GROUP BY sa.story_id, st.headline
                """,
                r => new StoryLineFacts(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4)),
                cancellationToken, ("ids", ids)),
            limit);

    public async Task MergeStoriesAsync(StoryMerge merge, CancellationToken cancellationToken)
    {
        var absorbed = merge.AbsorbedIds.Where(id => id != merge.SurvivorId).Distinct().ToArray();
        if (absorbed.Length == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockChangeOrderAsync(connection, cancellationToken);
        // New sequence numbers, so that other processes' clusterers catch up with the move.
        await ExecuteAsync(connection,
            "UPDATE story_articles SET story_id = @survivor, seq = nextval('story_placement_seq') WHERE story_id = ANY(@ids)",
            cancellationToken, ("survivor", merge.SurvivorId), ("ids", absorbed));
        foreach (var mark in merge.Duplicates)
            await ExecuteAsync(connection, "UPDATE story_articles SET duplicate_of = @original WHERE article_id = @id AND duplicate_of IS NULL",
                cancellationToken, ("original", mark.DuplicateOf), ("id", mark.ArticleId));
        await ExecuteAsync(connection, "UPDATE story_merges SET survivor_id = @survivor WHERE survivor_id = ANY(@ids)",
            cancellationToken, ("survivor", merge.SurvivorId), ("ids", absorbed));
        await ExecuteAsync(connection, "DELETE FROM story_merges WHERE absorbed_id = @survivor", cancellationToken, ("survivor", merge.SurvivorId));
        foreach (var id in absorbed)
        {
            await ExecuteAsync(connection,
                """
                INSERT INTO story_merges (absorbed_id, survivor_id, merged) VALUES (@absorbed, @survivor, @at)
                ON CONFLICT (absorbed_id) DO UPDATE SET survivor_id = excluded.survivor_id, merged = excluded.merged
                """, cancellationToken, ("absorbed", id), ("survivor", merge.SurvivorId), ("at", merge.MergedAtUtc));
            await RefreshStoryAsync(connection, id, cancellationToken);
        }
        await RefreshStoryAsync(connection, merge.SurvivorId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long?> SurvivorOfAsync(long storyId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT survivor_id FROM story_merges WHERE absorbed_id = @id", r => (long?)r.GetInt64(0), cancellationToken,
            ("id", storyId))).FirstOrDefault();

    public async Task<IReadOnlyList<long>> UnplacedAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT a.id FROM articles a
            WHERE a.state IN (@awaiting, @translated) AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
            ORDER BY a.id LIMIT @limit
            """,
            r => r.GetInt64(0), cancellationToken,
            ("awaiting", (short)ArticleState.AwaitingEngine), ("translated", (short)ArticleState.Translated), ("limit", limit));

    /// <summary>
    /// Placement sequence numbers (like page-change numbers) are taken under one lock held to commit, so that they become
    /// visible in the order they were given.
    /// </summary>
    private static Task LockChangeOrderAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("lock", PostgresSchema.ChangeOrderLock));

    /// <summary>
    /// Recomputes a story's headline (its earliest English title, else its earliest title, of an article the outlet has
    /// not removed), first/last seen and size.
    /// </summary>
    private static async Task RefreshStoryAsync(NpgsqlConnection connection, long storyId, CancellationToken cancellationToken)
    {
        var count = (long)(await ScalarAsync(connection, "SELECT COUNT(*) FROM story_articles WHERE story_id = @id", cancellationToken, ("id", storyId)) ?? 0L);
        if (count == 0)
        {
            await ExecuteAsync(connection, "DELETE FROM stories WHERE id = @id", cancellationToken, ("id", storyId));
            return;
        }
        await ExecuteAsync(connection,
            """
            INSERT INTO stories (id, headline, first_seen, last_seen, article_count)
            SELECT @id,
                COALESCE(
                    (SELECT a.translation->>'title' FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed IS NULL
                     WHERE sa.story_id = @id AND a.state = @translated AND a.translation IS NOT NULL ORDER BY sa.published, a.id LIMIT 1),
                    (SELECT a.original->>'title' FROM story_articles sa JOIN articles a ON a.id = sa.article_id AND a.removed IS NULL
                     WHERE sa.story_id = @id ORDER BY sa.published, a.id LIMIT 1), ''),
                MIN(published), MAX(published), COUNT(*)
            FROM story_articles WHERE story_id = @id
            ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, first_seen = excluded.first_seen,
                last_seen = excluded.last_seen, article_count = excluded.article_count
            """, cancellationToken, ("id", storyId), ("translated", (short)ArticleState.Translated));
    }
}
