using System.Collections.Concurrent;
using ForeignDesk.Core;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Article views counted in memory, per article and clock hour, and handed over in batches
/// (<see cref="ViewFlusher"/>): reading a page never writes to the store. A crash loses at most the counts of one
/// flush interval. At most <see cref="MaxPending"/> article-hours wait at once; views beyond that are not counted.
/// </summary>
internal sealed class ViewCounter(TimeProvider time)
{
    public const int MaxPending = 100_000;

    private ConcurrentDictionary<(long ArticleId, long Hour), long> _pending = new();

    public void Count(long articleId)
    {
        var hour = time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var pending = _pending;
        if (pending.Count >= MaxPending && !pending.ContainsKey((articleId, hour))) return;
        pending.AddOrUpdate((articleId, hour), 1, (_, count) => count + 1);
    }

    /// <summary>Takes every count gathered so far; later views start a new batch.</summary>
    public IReadOnlyCollection<ViewCount> Take()
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(long ArticleId, long Hour), long>());
        return taken.Select(p => new ViewCount(p.Key.ArticleId, DateTimeOffset.FromUnixTimeSeconds(p.Key.Hour * 3600), p.Value)).ToList();
    }

    /// <summary>Puts back counts that could not be written, to go with the next batch.</summary>
    public void Return(IReadOnlyCollection<ViewCount> views)
    {
        foreach (var view in views)
            _pending.AddOrUpdate((view.ArticleId, view.HourUtc.ToUnixTimeSeconds() / 3600), view.Count, (_, count) => count + view.Count);
    }
}
