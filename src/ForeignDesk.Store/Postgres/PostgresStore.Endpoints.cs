using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore : ISourceEndpointStore
{
    public Task AddEndpointAsync(long sourceId, EndpointKind kind, Uri url, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO endpoints (source_id, url, kind) VALUES (@source, @url, @kind)
            ON CONFLICT (source_id, url) DO UPDATE SET kind = excluded.kind
            """, cancellationToken, ("source", sourceId), ("url", url.AbsoluteUri), ("kind", kind.ToString().ToLowerInvariant()));

    public async Task<IReadOnlyList<SourceEndpoint>> EndpointsAsync(long sourceId, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT source_id, kind, url, interval_s, next_poll, last_success, consecutive_errors, last_error
            FROM endpoints WHERE source_id = @source ORDER BY position
            """,
            ReadEndpoint, cancellationToken, ("source", sourceId));

    public async Task<IReadOnlyList<string>> ArticleUrlsAsync(long sourceId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT url FROM articles WHERE source_id = @source ORDER BY first_seen DESC, id DESC LIMIT @limit",
            r => r.GetString(0), cancellationToken, ("source", sourceId), ("limit", limit));

    public Task RecordPollAsync(long sourceId, Uri url, EndpointPoll poll, CancellationToken cancellationToken) =>
        ExecuteAsync(
            poll.Error is null
                ? """
                  UPDATE endpoints SET interval_s = @interval, next_poll = @next, last_success = @at, consecutive_errors = 0, last_error = NULL
                  WHERE source_id = @source AND url = @url
                  """
                : """
                  UPDATE endpoints SET interval_s = @interval, next_poll = @next, consecutive_errors = consecutive_errors + 1, last_error = @error
                  WHERE source_id = @source AND url = @url
                  """,
            cancellationToken, ("interval", (long)poll.Interval.TotalSeconds), ("next", poll.NextPollUtc), ("at", poll.AtUtc),
            ("error", poll.Error), ("source", sourceId), ("url", url.AbsoluteUri));

    private static SourceEndpoint ReadEndpoint(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        Enum.Parse<EndpointKind>(r.GetString(1), ignoreCase: true),
        new Uri(r.GetString(2)),
        TimeSpan.FromSeconds(r.GetInt64(3)),
        InstantOrNull(r, 4),
        InstantOrNull(r, 5),
        r.GetInt32(6),
        StringOrNull(r, 7));
}
