using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>The page tags that the triggers of migration <c>0700-page-versions</c> record for every change.</summary>
public sealed partial class SqliteArticleStore : IPageChanges
{
    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM page_versions", cancellationToken) ?? 0L);
    }

    public async Task<IReadOnlyList<PageChange>> ChangesSinceAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT tag, seq FROM page_versions WHERE seq > $after ORDER BY seq LIMIT $limit",
            r => new PageChange(r.GetString(0), r.GetInt64(1)), cancellationToken, ("$after", afterSequence), ("$limit", limit));

    public async Task PruneChangesAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            """
            DELETE FROM page_versions
            WHERE at_ms < CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) - $age
                AND seq < (SELECT MAX(seq) FROM page_versions)
            """, cancellationToken, ("$age", (long)age.TotalMilliseconds));
    }
}
