using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>A line in a list: the article's generated title and teaser columns, never its texts.</summary>
    private const string SummaryColumns = "a.id, a.title, a.teaser, a.category, a.published, s.name, a.language, a.state";

    /// <summary>The rows of listed articles: those the outlet removed are kept, but in no list (the condition sits in the join, as each caller adds its own WHERE).</summary>
    private const string SummaryFrom = "FROM articles a JOIN sources s ON s.id = a.source_id AND a.removed IS NULL";

    public async Task<IReadOnlyList<ArticleSummary>> LatestAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} ORDER BY a.published DESC, a.id DESC LIMIT @limit",
            ReadSummary, cancellationToken, ("limit", limit));

    public Task<ArticlePage> OnDateAsync(DateOnly localDate, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.local_date = @key", localDate, cursor, limit, cancellationToken);

    public Task<ArticlePage> InCategoryAsync(string category, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.category = @key", category, cursor, limit, cancellationToken);

    public Task<ArticlePage> FromSourceAsync(long sourceId, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.source_id = @key", sourceId, cursor, limit, cancellationToken);

    /// <summary>One page of the articles matching <paramref name="where"/> (on <c>@key</c>), newest first, by key.</summary>
    private Task<ArticlePage> PageAsync(string where, object key, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        KeysetPages.NewestFirstAsync((from, count) => QueryAsync(
            $"""
            SELECT {SummaryColumns} {SummaryFrom} WHERE {where}
            {from switch
            {
                null => "ORDER BY a.published DESC, a.id DESC",
                { Newer: true } => "AND (a.published, a.id) > (@at, @id) ORDER BY a.published, a.id",
                _ => "AND (a.published, a.id) < (@at, @id) ORDER BY a.published DESC, a.id DESC",
            }} LIMIT @limit
            """,
            ReadSummary, cancellationToken, ("key", key), ("at", from?.PublishedUtc ?? DateTimeOffset.UnixEpoch), ("id", from?.Id ?? 0L),
            ("limit", count)), cursor, limit);

    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT category FROM articles GROUP BY category ORDER BY category COLLATE \"C\"", r => r.GetString(0), cancellationToken);

    public Task<IReadOnlyList<ArticleSummary>> RelatedAsync(long articleId, int limit, CancellationToken cancellationToken) =>
        StoryLists.RelatedAsync(PrecomputedRelatedAsync(articleId, limit, cancellationToken),
            () => QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.id = @id", ReadSummary, cancellationToken, ("id", articleId)),
            () => QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.id <> @id ORDER BY a.published DESC LIMIT @pool",
                ReadSummary, cancellationToken, ("id", articleId), ("pool", RelatedScorer.CandidatePool)),
            limit);

    public Task RecordViewAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        RecordViewsAsync([new ViewCount(articleId, atUtc, 1)], cancellationToken);

    public async Task RecordViewsAsync(IReadOnlyCollection<ViewCount> views, CancellationToken cancellationToken)
    {
        if (views.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            """
            INSERT INTO views (article_id, hour, count) SELECT @id, @hour, @count WHERE EXISTS (SELECT 1 FROM articles WHERE id = @id)
            ON CONFLICT (article_id, hour) DO UPDATE SET count = views.count + excluded.count
            """, ("id", 0L), ("hour", DateTimeOffset.UnixEpoch), ("count", 0L));
        foreach (var view in views)
        {
            command.Parameters["id"].Value = view.ArticleId;
            command.Parameters["hour"].Value = Hour(view.HourUtc);
            command.Parameters["count"].Value = view.Count;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleSummary>> TrendingAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT {SummaryColumns}, v.total {SummaryFrom}
            JOIN (SELECT article_id, SUM(count)::bigint AS total FROM views WHERE hour >= @since GROUP BY article_id) v ON v.article_id = a.id
            ORDER BY v.total DESC, a.published DESC LIMIT @limit
            """,
            r => ReadSummary(r) with { Views = r.GetInt64(8) },
            cancellationToken, ("since", Hour(sinceUtc)), ("limit", limit));

    /// <summary>The start of the clock hour an instant is in: views are counted per hour.</summary>
    private static DateTimeOffset Hour(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds() / 3600 * 3600);

    private static ArticleSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), StringOrNull(r, 2), r.GetString(3), Instant(r, 4),
        r.GetString(5), r.GetString(6), (ArticleState)r.GetInt16(7));
}
