using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : ISourceEndpointStore
{
    public async Task AddEndpointAsync(long sourceId, EndpointKind kind, Uri url, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            """
            INSERT INTO endpoints (source_id, url, kind) VALUES ($source, $url, $kind)
            ON CONFLICT(source_id, url) DO UPDATE SET kind = excluded.kind
            """, cancellationToken, ("$source", sourceId), ("$url", url.AbsoluteUri), ("$kind", kind.ToString().ToLowerInvariant()));
    }

    public async Task<IReadOnlyList<SourceEndpoint>> EndpointsAsync(long sourceId, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT source_id, kind, url, interval_s, next_poll_ms, last_success_ms, consecutive_errors, last_error
            FROM endpoints WHERE source_id = $source ORDER BY rowid
            """,
            ReadEndpoint, cancellationToken, ("$source", sourceId));

    public async Task<IReadOnlyList<string>> ArticleUrlsAsync(long sourceId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT url FROM articles WHERE source_id = $source ORDER BY first_seen_ms DESC LIMIT $limit",
            r => r.GetString(0), cancellationToken, ("$source", sourceId), ("$limit", limit));

    public async Task RecordPollAsync(long sourceId, Uri url, EndpointPoll poll, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            poll.Error is null
                ? """
                  UPDATE endpoints SET interval_s = $interval, next_poll_ms = $next, last_success_ms = $at, consecutive_errors = 0, last_error = NULL
                  WHERE source_id = $source AND url = $url
                  """
                : """
                  UPDATE endpoints SET interval_s = $interval, next_poll_ms = $next, consecutive_errors = consecutive_errors + 1, last_error = $error
                  WHERE source_id = $source AND url = $url
                  """,
            cancellationToken, ("$interval", (long)poll.Interval.TotalSeconds), ("$next", Ms(poll.NextPollUtc)), ("$at", Ms(poll.AtUtc)),
            ("$error", poll.Error), ("$source", sourceId), ("$url", url.AbsoluteUri));
    }

    private static SourceEndpoint ReadEndpoint(SqliteDataReader r) => new(
        r.GetInt64(0),
        Enum.Parse<EndpointKind>(r.GetString(1), ignoreCase: true),
        new Uri(r.GetString(2)),
        TimeSpan.FromSeconds(r.GetInt64(3)),
        InstantOrNull(r, 4),
        InstantOrNull(r, 5),
        r.GetInt32(6),
        StringOrNull(r, 7));
}
