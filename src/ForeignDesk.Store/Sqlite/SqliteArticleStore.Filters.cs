using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// Filtered lists: the articles' index that best narrows the filters (outlet, else category, else time) is walked newest
/// first for at most <see cref="IArticleFilters.ScanLimit"/> entries; the other filters are checked on the narrow lines.
/// </summary>
public sealed partial class SqliteArticleStore : IArticleFilters
{
    public async Task<ArticlePage> FilteredAsync(ArticleFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        if (cursor is { Newer: true }) throw new ArgumentException("Filtered lists go from newer to older articles only.", nameof(cursor));
        limit = Math.Clamp(limit, 1, 500);
        // The walk: one index, its equality and the time range; what it cannot check is checked on article_lines.
        var (index, walk) = filter switch
        {
            { SourceId: not null } => ("articles_source", new List<string> { "a.source_id = $source" }),
            { Category: not null } => ("articles_category", ["a.category = $category"]),
            _ => ("articles_published", []),
        };
        if (filter.FromUtc is not null) walk.Add("a.published_ms >= $from");
        if (filter.ToUtc is not null) walk.Add("a.published_ms < $to");
        if (cursor is not null) walk.Add("(a.published_ms, a.id) < ($ms, $id)");
        var lineChecks = new List<string>();
        if (filter.Language is not null) lineChecks.Add("l.language = $language");
        if (filter.Category is not null && index != "articles_category") lineChecks.Add("l.category = $category");
        (string, object?)[] parameters =
        [
            ("$source", filter.SourceId), ("$category", filter.Category), ("$language", filter.Language),
            ("$from", filter.FromUtc is { } from ? Ms(from) : null), ("$to", filter.ToUtc is { } to ? Ms(to) : null),
            ("$ms", cursor is null ? null : Ms(cursor.PublishedUtc)), ("$id", cursor?.Id),
            ("$window", IArticleFilters.ScanLimit), ("$limit", limit + 1),
        ];
        var walked = $"""
            FROM articles a INDEXED BY {index} {(walk.Count == 0 ? "" : "WHERE " + string.Join(" AND ", walk))}
            ORDER BY a.published_ms DESC, a.id DESC
            """;

        await using var connection = await OpenAsync(cancellationToken);
        // One snapshot: the page and where its walk ended agree while articles arrive.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        // With nothing to check on the lines the walk is the list; otherwise the lines of at most a window of it are checked.
        var rows = await QueryRowsAsync(connection, lineChecks.Count == 0
                ? $"SELECT {SummaryColumns} FROM (SELECT a.id, a.published_ms {walked} LIMIT $limit) w JOIN article_lines l ON l.id = w.id JOIN sources s ON s.id = l.source_id ORDER BY w.published_ms DESC, w.id DESC"
                : $"""
                  SELECT {SummaryColumns} FROM (SELECT a.id, a.published_ms {walked} LIMIT $window) w
                  JOIN article_lines l ON l.id = w.id JOIN sources s ON s.id = l.source_id
                  WHERE {string.Join(" AND ", lineChecks)}
                  ORDER BY w.published_ms DESC, w.id DESC LIMIT $limit
                  """,
            ReadSummary, cancellationToken, parameters);
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            return new ArticlePage(rows, null, PageCursor.At(rows[^1], newer: false));
        }
        if (lineChecks.Count == 0) return new ArticlePage(rows, null, null);
        // A short page: the walk either reached the end of the index or stopped at the scan limit; then the next page
        // goes on from the last entry it read.
        var last = await QueryRowsAsync(connection, $"SELECT a.published_ms, a.id {walked} LIMIT 1 OFFSET $window - 1",
            r => new PageCursor(Instant(r.GetInt64(0)), r.GetInt64(1), Newer: false), cancellationToken, parameters);
        return new ArticlePage(rows, null, last.Count == 0 ? null : last[0]);
    }
}
