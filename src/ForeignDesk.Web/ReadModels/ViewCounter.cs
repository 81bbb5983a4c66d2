using System.Collections.Concurrent;
using ForeignDesk.Core;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Article views counted in memory, per article and clock hour, and handed over in batches
/// (<see cref="ViewFlusher"/>): reading a page never writes to the store. A crash loses at most the counts of one
/// flush interval. At most <see cref="MaxPending"/> article-hours wait at once; views beyond that are not counted.
/// </summary>
/// <remarks>
/// A view of an article already counted this batch is one atomic increment, without a lock (a much-read article is
/// counted by every request at once). <see cref="Take"/> retires each tally as it reads it; a view that reaches a
/// retired tally starts a new one, so no view is lost or counted twice between batches.
/// </remarks>
internal sealed class ViewCounter(TimeProvider time)
{
    public const int MaxPending = 100_000;

    /// <summary>What a taken tally holds from then on: far below zero, so late increments stay negative.</summary>
    private const long Retired = long.MinValue / 2;

    private sealed class Tally
    {
        public long Count;
    }

    private readonly ConcurrentDictionary<(long ArticleId, long Hour), Tally> _pending = new();

    /// <summary>
    /// How many tallies <see cref="_pending"/> holds, kept beside it: the dictionary's own count takes every one of its
    /// locks, and random articles' views each add a tally, so every view would wait on every other.
    /// </summary>
    private int _size;

    public void Count(long articleId) => Add((articleId, time.GetUtcNow().ToUnixTimeSeconds() / 3600), 1);

    /// <summary>Takes every count gathered so far; later views start a new batch.</summary>
    public IReadOnlyCollection<ViewCount> Take()
    {
        var taken = new List<ViewCount>();
        foreach (var (key, tally) in _pending)
        {
            Remove(key, tally);
            var count = Interlocked.Exchange(ref tally.Count, Retired);
            if (count > 0) taken.Add(new ViewCount(key.ArticleId, DateTimeOffset.FromUnixTimeSeconds(key.Hour * 3600), count));
        }
        return taken;
    }

    /// <summary>Puts back counts that could not be written, to go with the next batch.</summary>
    public void Return(IReadOnlyCollection<ViewCount> views)
    {
        foreach (var view in views) Add((view.ArticleId, view.HourUtc.ToUnixTimeSeconds() / 3600), view.Count, always: true);
    }

    private void Add((long ArticleId, long Hour) key, long count, bool always = false)
    {
        while (true)
        {
            if (!_pending.TryGetValue(key, out var tally))
            {
                if (!always && Volatile.Read(ref _size) >= MaxPending) return;
                var added = new Tally();
                tally = _pending.GetOrAdd(key, added);
                if (ReferenceEquals(tally, added)) Interlocked.Increment(ref _size);
            }
            if (Interlocked.Add(ref tally.Count, count) > 0) return;
            // Taken meanwhile: this tally is out of the batch; count on a new one.
            Remove(key, tally);
        }
    }

    private void Remove((long ArticleId, long Hour) key, Tally tally)
    {
        if (_pending.TryRemove(KeyValuePair.Create(key, tally))) Interlocked.Decrement(ref _size);
    }
}
