namespace ForeignDesk.Core;

/// <summary>A tag of the pages that show something that changed, with the sequence number of its latest change.</summary>
/// <param name="Tag"><c>latest</c>, <c>article:ID</c>, <c>day:YYYY-MM-DD</c>, <c>category:NAME</c>, <c>source:ID</c>, <c>story:ID</c>, <c>policy:ID</c> or <c>policies</c>.</param>
public sealed record PageChange(string Tag, long Sequence);

/// <summary>
/// What changed in the store, as page tags, whichever process changed it: web processes read it to drop the cached
/// pages that show it and to recompute the lists they show.
/// </summary>
public interface IPageChanges
{
    /// <summary>The newest sequence number; 0 when nothing has changed yet.</summary>
    Task<long> LatestChangeAsync(CancellationToken cancellationToken);

    /// <summary>The tags changed after <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PageChange>> ChangesSinceAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets tags whose latest change is older than <paramref name="age"/> by the store's clock; the newest always stays.</summary>
    Task PruneChangesAsync(TimeSpan age, CancellationToken cancellationToken);
}
