using ForeignDesk.Core;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore : IArchiveIndex, IArticleFilters
{
    public Task<ArticlePage> InLanguageAsync(string language, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.language = @key", language, cursor, limit, cancellationToken);

    public async Task<IReadOnlyList<ArchiveDay>> ArchiveDaysAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT local_date, COUNT(*) FROM articles WHERE removed IS NULL GROUP BY local_date ORDER BY local_date DESC",
            r => new ArchiveDay(DateOnly.FromDateTime(r.GetDateTime(0)), (int)r.GetInt64(1)), cancellationToken);

    public async Task<IReadOnlyList<ArticleSummary>> OnDateRangeAsync(DateOnly localDate, int skip, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {SummaryColumns} {SummaryFrom} WHERE a.local_date = @day ORDER BY a.published DESC, a.id DESC LIMIT @limit OFFSET @skip",
            ReadSummary, cancellationToken, ("day", localDate), ("limit", limit), ("skip", skip));

    /// <summary>
    /// The filtered list of the API, newest first. PostgreSQL's planner picks among the per-column indexes, so every
    /// page is full until the end: the next cursor is missing only there (a client treats a short page with a cursor,
    /// which SQLite's bounded walk can give, the same way).
    /// </summary>
    public async Task<ArticlePage> FilteredAsync(ArticleFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        if (cursor is { Newer: true }) throw new ArgumentException("Filtered lists go from newer to older articles only.", nameof(cursor));
        limit = Math.Clamp(limit, 1, 500);
        var conditions = new List<string>();
        if (filter.SourceId is not null) conditions.Add("a.source_id = @source");
        if (filter.Category is not null) conditions.Add("a.category = @category");
        if (filter.Language is not null) conditions.Add("a.language = @language");
        if (filter.FromUtc is not null) conditions.Add("a.published >= @from");
        if (filter.ToUtc is not null) conditions.Add("a.published < @to");
        if (cursor is not null) conditions.Add("(a.published, a.id) < (@at, @id)");
        var rows = (await QueryAsync(
            $"""
            SELECT {SummaryColumns} {SummaryFrom} {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
            ORDER BY a.published DESC, a.id DESC LIMIT @limit
            """,
            ReadSummary, cancellationToken,
            ("source", filter.SourceId ?? 0L), ("category", filter.Category ?? ""), ("language", filter.Language ?? ""),
            ("from", filter.FromUtc ?? DateTimeOffset.UnixEpoch), ("to", filter.ToUtc ?? DateTimeOffset.UnixEpoch),
            ("at", cursor?.PublishedUtc ?? DateTimeOffset.UnixEpoch), ("id", cursor?.Id ?? 0L), ("limit", limit + 1))).ToList();
        if (rows.Count <= limit) return new ArticlePage(rows, null, null);
        rows.RemoveAt(rows.Count - 1);
        return new ArticlePage(rows, null, PageCursor.At(rows[^1], newer: false));
    }
}
