using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore
{
    /// <summary>A line in a list, read from <c>article_lines</c> (<c>l</c>, migration 0800), never from the article rows.</summary>
    private const string SummaryColumns = "l.id, l.title, l.teaser, l.category, l.published_ms, s.name, l.language, l.state";

    /// <summary>
    /// The articles (<c>a</c>: their indexes filter and order) with their lines (<c>l</c>) and outlets (<c>s</c>). Only
    /// indexed columns of <c>a</c> should be read: the rest of an article row lies after its text.
    /// </summary>
    private const string SummaryFrom = "FROM articles a JOIN article_lines l ON l.id = a.id JOIN sources s ON s.id = l.source_id";

    public async Task<IReadOnlyList<ArticleSummary>> LatestAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit",
            ReadSummary, cancellationToken, ("$limit", limit));

    public Task<ArticlePage> OnDateAsync(DateOnly localDate, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.local_date = $key", localDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cursor, limit, cancellationToken);

    public Task<ArticlePage> InCategoryAsync(string category, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.category = $key", category, cursor, limit, cancellationToken);

    public Task<ArticlePage> FromSourceAsync(long sourceId, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.source_id = $key", sourceId, cursor, limit, cancellationToken);

    /// <summary>One page of the articles matching <paramref name="where"/> (on <c>$key</c>), newest first, by key.</summary>
    private Task<ArticlePage> PageAsync(string where, object key, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        KeysetPages.NewestFirstAsync((from, count) => QueryAsync(
            $"""
            SELECT {SummaryColumns} {SummaryFrom} WHERE {where}
            {from switch
            {
                null => "ORDER BY a.published_ms DESC, a.id DESC",
                { Newer: true } => "AND (a.published_ms, a.id) > ($ms, $id) ORDER BY a.published_ms, a.id",
                _ => "AND (a.published_ms, a.id) < ($ms, $id) ORDER BY a.published_ms DESC, a.id DESC",
            }} LIMIT $limit
            """,
            ReadSummary, cancellationToken, ("$key", key), ("$ms", from is null ? 0L : Ms(from.PublishedUtc)), ("$id", from?.Id ?? 0L),
            ("$limit", count)), cursor, limit);

    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT DISTINCT category FROM articles ORDER BY category", r => r.GetString(0), cancellationToken);

    public Task<IReadOnlyList<ArticleSummary>> RelatedAsync(long articleId, int limit, CancellationToken cancellationToken) =>
        StoryLists.RelatedAsync(PrecomputedRelatedAsync(articleId, limit, cancellationToken),
            () => QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.id = $id", ReadSummary, cancellationToken, ("$id", articleId)),
            () => QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.id <> $id ORDER BY a.published_ms DESC LIMIT $pool",
                ReadSummary, cancellationToken, ("$id", articleId), ("$pool", RelatedScorer.CandidatePool)),
            limit);

    public Task RecordViewAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        RecordViewsAsync([new ViewCount(articleId, atUtc, 1)], cancellationToken);

    public async Task RecordViewsAsync(IReadOnlyCollection<ViewCount> views, CancellationToken cancellationToken)
    {
        if (views.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Command(connection,
            """
            INSERT INTO views (article_id, hour, count) SELECT $id, $hour, $count WHERE EXISTS (SELECT 1 FROM articles WHERE id = $id)
            ON CONFLICT(article_id, hour) DO UPDATE SET count = count + excluded.count
            """, ("$id", 0L), ("$hour", 0L), ("$count", 0L));
        foreach (var view in views)
        {
            command.Parameters["$id"].Value = view.ArticleId;
            command.Parameters["$hour"].Value = view.HourUtc.ToUnixTimeSeconds() / 3600;
            command.Parameters["$count"].Value = view.Count;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleSummary>> TrendingAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT {SummaryColumns}, v.total {SummaryFrom}
            JOIN (SELECT article_id, SUM(count) AS total FROM views WHERE hour >= $since GROUP BY article_id) v ON v.article_id = a.id
            ORDER BY v.total DESC, l.published_ms DESC LIMIT $limit
            """,
            r => ReadSummary(r) with { Views = r.GetInt64(8) },
            cancellationToken, ("$since", sinceUtc.ToUnixTimeSeconds() / 3600), ("$limit", limit));

    private static ArticleSummary ReadSummary(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), StringOrNull(r, 2), r.GetString(3), Instant(r.GetInt64(4)),
        r.GetString(5), r.GetString(6), (ArticleState)r.GetInt32(7));
}
