using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore
{
    private const string SummaryColumns =
        """
        a.id,
        COALESCE(json_extract(a.translation, '$.title'), json_extract(a.original, '$.title')),
        COALESCE(json_extract(a.translation, '$.teaser'), json_extract(a.original, '$.teaser'),
            substr(json_extract(COALESCE(a.translation, a.original), '$.paragraphs[0].text'), 1, 280)),
        a.category, a.published_ms, s.name, a.language, a.state
        """;

    private const string SummaryFrom = "FROM articles a JOIN sources s ON s.id = a.source_id";

    public async Task<IReadOnlyList<ArticleSummary>> LatestAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit",
            ReadSummary, cancellationToken, ("$limit", limit));

    public async Task<IReadOnlyList<ArticleSummary>> OnDateAsync(DateOnly localDate, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.local_date = $date ORDER BY a.published_ms DESC, a.id DESC",
            ReadSummary, cancellationToken, ("$date", localDate.ToString("yyyy-MM-dd")));

    public async Task<IReadOnlyList<ArticleSummary>> InCategoryAsync(string category, int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.category = $category ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit",
            ReadSummary, cancellationToken, ("$category", category), ("$limit", limit));

    public async Task<IReadOnlyList<ArticleSummary>> FromSourceAsync(long sourceId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.source_id = $source ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit",
            ReadSummary, cancellationToken, ("$source", sourceId), ("$limit", limit));

    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT DISTINCT category FROM articles ORDER BY category", r => r.GetString(0), cancellationToken);

    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(long articleId, int limit, CancellationToken cancellationToken)
    {
        var precomputed = await PrecomputedRelatedAsync(articleId, limit, cancellationToken);
        if (precomputed.Count > 0) return precomputed;
        var target = await QueryAsync($"SELECT {SummaryColumns} {SummaryFrom} WHERE a.id = $id", ReadSummary, cancellationToken, ("$id", articleId));
        if (target.Count == 0) return [];
        var candidates = await QueryAsync(
            $"SELECT {SummaryColumns} {SummaryFrom} WHERE a.id <> $id ORDER BY a.published_ms DESC LIMIT $pool",
            ReadSummary, cancellationToken, ("$id", articleId), ("$pool", RelatedScorer.CandidatePool));
        return RelatedScorer.Rank(target[0], candidates, limit);
    }

    public async Task RecordViewAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            """
            INSERT INTO views (article_id, hour, count) SELECT $id, $hour, 1 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $id)
            ON CONFLICT(article_id, hour) DO UPDATE SET count = count + 1
            """, cancellationToken, ("$id", articleId), ("$hour", atUtc.ToUnixTimeSeconds() / 3600));
    }

    public async Task<IReadOnlyList<ArticleSummary>> TrendingAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT {SummaryColumns}, v.total {SummaryFrom}
            JOIN (SELECT article_id, SUM(count) AS total FROM views WHERE hour >= $since GROUP BY article_id) v ON v.article_id = a.id
            ORDER BY v.total DESC, a.published_ms DESC LIMIT $limit
            """,
            r => ReadSummary(r) with { Views = r.GetInt64(8) },
            cancellationToken, ("$since", sinceUtc.ToUnixTimeSeconds() / 3600), ("$limit", limit));

    private static ArticleSummary ReadSummary(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), StringOrNull(r, 2), r.GetString(3), Instant(r.GetInt64(4)),
        r.GetString(5), r.GetString(6), (ArticleState)r.GetInt32(7));
}
