using ForeignDesk.Core;

namespace ForeignDesk.Store.Postgres;

/// <summary>The page tags that the triggers of migration <c>0001-initial</c> record for every change.</summary>
public sealed partial class PostgresStore : IPageChanges
{
    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT COALESCE(MAX(seq), 0) FROM page_versions", r => r.GetInt64(0), cancellationToken)).Single();

    public async Task<IReadOnlyList<PageChange>> ChangesSinceAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT tag, seq FROM page_versions WHERE seq > @after ORDER BY seq LIMIT @limit",
            r => new PageChange(r.GetString(0), r.GetInt64(1)), cancellationToken, ("after", afterSequence), ("limit", limit));

    public Task PruneChangesAsync(TimeSpan age, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM page_versions WHERE at < now() - @age AND seq < (SELECT MAX(seq) FROM page_versions)",
            cancellationToken, ("age", age));
}
