using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// A story for <see cref="SqliteArticleStore.BulkPlaceStoriesAsync"/>: stored articles, oldest first, with their
/// publication instants; the story's id is its first article's id, as the clusterer names stories.
/// </summary>
public sealed record BulkStory(string Headline, IReadOnlyList<long> ArticleIds, IReadOnlyList<DateTimeOffset> PublishedUtc);

/// <summary>An article's precomputed "You may like" list, best first, for <see cref="SqliteArticleStore.BulkSaveRelatedAsync"/>.</summary>
public sealed record BulkRelated(long ArticleId, IReadOnlyList<long> RelatedIds);

/// <summary>Views of one article within one hour, for <see cref="SqliteArticleStore.BulkRecordViewsAsync"/>.</summary>
public sealed record BulkViews(long ArticleId, DateTimeOffset AtUtc, int Count);

public sealed partial class SqliteArticleStore
{
    private const int BulkStoryTransactionSize = 5_000;
    private const int BulkViewTransactionSize = 50_000;
    private const int BulkRelatedTransactionSize = 20_000;

    /// <summary>
    /// Places many stored articles in stories at once (benchmark stores), in transactions of 5 000 stories with
    /// prepared statements: each story's row with its headline, first and last seen and size, and each article's
    /// placement without clustering features (the clusterer skips such placements when it rebuilds its index). The
    /// pages that change are recorded once a transaction (<see cref="PageTouches"/>): the article and story pages and
    /// the lists of the newest, as the placement trigger records them for each placement.
    /// Meant for articles not yet in a story; one already placed moves, but its former story is not recounted.
    /// </summary>
    public async Task BulkPlaceStoriesAsync(IEnumerable<BulkStory> stories, CancellationToken cancellationToken)
    {
        foreach (var chunk in stories.Chunk(BulkStoryTransactionSize))
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var placed = await PageTouches.SuspendAsync(connection, "page_versions_placement_insert", cancellationToken);
            var sequence = (long)(await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM story_articles", cancellationToken) ?? 0L);
            await using var member = Command(connection,
                """
                INSERT INTO story_articles (article_id, story_id, published_ms, duplicate_of, features, seq)
                VALUES ($id, $story, $published, NULL, '', $seq)
                ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, published_ms = excluded.published_ms,
                    duplicate_of = NULL, features = excluded.features, seq = excluded.seq
                """,
                ("$id", 0L), ("$story", 0L), ("$published", 0L), ("$seq", 0L));
            member.Prepare();
            await using var story = Command(connection,
                """
                INSERT INTO stories (id, headline, first_seen_ms, last_seen_ms, article_count) VALUES ($id, $headline, $first, $last, $count)
                ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, first_seen_ms = excluded.first_seen_ms,
                    last_seen_ms = excluded.last_seen_ms, article_count = excluded.article_count
                """,
                ("$id", 0L), ("$headline", ""), ("$first", 0L), ("$last", 0L), ("$count", 0L));
            story.Prepare();
            foreach (var bulk in chunk)
            {
                if (bulk.ArticleIds.Count == 0 || bulk.ArticleIds.Count != bulk.PublishedUtc.Count)
                    throw new ArgumentException("A story needs its articles, each with its publication instant.", nameof(stories));
                var id = bulk.ArticleIds[0];
                for (var i = 0; i < bulk.ArticleIds.Count; i++)
                {
                    member.Parameters["$id"].Value = bulk.ArticleIds[i];
                    member.Parameters["$story"].Value = id;
                    member.Parameters["$published"].Value = Ms(bulk.PublishedUtc[i]);
                    member.Parameters["$seq"].Value = ++sequence;
                    await member.ExecuteNonQueryAsync(cancellationToken);
                }
                story.Parameters["$id"].Value = id;
                story.Parameters["$headline"].Value = bulk.Headline;
                story.Parameters["$first"].Value = Ms(bulk.PublishedUtc.Min());
                story.Parameters["$last"].Value = Ms(bulk.PublishedUtc.Max());
                story.Parameters["$count"].Value = (long)bulk.ArticleIds.Count;
                await story.ExecuteNonQueryAsync(cancellationToken);
                placed.Touch($"story:{id}");
                foreach (var article in bulk.ArticleIds) placed.Touch($"article:{article}");
            }
            placed.Touch("latest");
            await placed.ResumeAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Adds many view counts at once (benchmark stores), in transactions of 50 000 with one prepared statement; counts
    /// for the same article and hour add up, as <see cref="RecordViewAsync"/> counts them one by one.
    /// </summary>
    public async Task BulkRecordViewsAsync(IEnumerable<BulkViews> views, CancellationToken cancellationToken)
    {
        foreach (var chunk in views.Chunk(BulkViewTransactionSize))
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = Command(connection,
                """
                INSERT INTO views (article_id, hour, count) VALUES ($id, $hour, $count)
                ON CONFLICT(article_id, hour) DO UPDATE SET count = count + excluded.count
                """,
                ("$id", 0L), ("$hour", 0L), ("$count", 0L));
            command.Prepare();
            foreach (var view in chunk)
            {
                command.Parameters["$id"].Value = view.ArticleId;
                command.Parameters["$hour"].Value = view.AtUtc.ToUnixTimeSeconds() / 3600;
                command.Parameters["$count"].Value = (long)view.Count;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Saves many precomputed related lists at once (benchmark stores), in transactions of 20 000 articles with
    /// prepared statements; each list replaces the article's previous one, as <see cref="SaveRelatedAsync"/> does.
    /// Each article's page is recorded as changed once a transaction (<see cref="PageTouches"/>), not once per related article.
    /// </summary>
    public async Task BulkSaveRelatedAsync(IEnumerable<BulkRelated> lists, CancellationToken cancellationToken)
    {
        foreach (var chunk in lists.Chunk(BulkRelatedTransactionSize))
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var saved = await PageTouches.SuspendAsync(connection, "page_versions_related_insert", cancellationToken);
            await using var clear = Command(connection, "DELETE FROM related_articles WHERE article_id = $id", ("$id", 0L));
            clear.Prepare();
            await using var insert = Command(connection,
                "INSERT INTO related_articles (article_id, rank, related_id) VALUES ($id, $rank, $related)",
                ("$id", 0L), ("$rank", 0L), ("$related", 0L));
            insert.Prepare();
            foreach (var list in chunk)
            {
                clear.Parameters["$id"].Value = list.ArticleId;
                await clear.ExecuteNonQueryAsync(cancellationToken);
                for (var rank = 0; rank < list.RelatedIds.Count; rank++)
                {
                    insert.Parameters["$id"].Value = list.ArticleId;
                    insert.Parameters["$rank"].Value = (long)rank;
                    insert.Parameters["$related"].Value = list.RelatedIds[rank];
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                if (list.RelatedIds.Count > 0) saved.Touch($"article:{list.ArticleId}");
            }
            await saved.ResumeAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
