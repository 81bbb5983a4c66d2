using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// The output cache's store, refusing to keep a page rendered before a change that dropped one of its tags. The output
/// cache stores a page after its answer is sent: a change evicted in between would otherwise leave that page cached
/// as it was before the change until it expires (<see cref="PageCache.Lifetime"/>). Each request notes how many
/// evictions there had been when it began (<see cref="Begin"/>); a page whose tags were evicted since is not stored.
/// It is a buffer store (<see cref="IOutputCacheBufferStore"/>), so that the output cache hands a page to keep in its
/// pooled buffer rather than in an array of the page's own (148 → 130 KB allocated per uncached article page); the
/// output cache still reads pages through <see cref="GetAsync"/>, answering from the array it gives with no copy.
/// </summary>
internal sealed class FreshPageStore(IOutputCacheStore inner) : IOutputCacheBufferStore
{
    private static readonly AsyncLocal<long?> BegunAfter = new();

    /// <summary>Past this many tags, those evicted longer than <see cref="Remembered"/> ago are forgotten.</summary>
    private const int MostTags = 10_000;

    /// <summary>How long an eviction is remembered: far longer than a page takes to render (uncached pages wait in the
    /// render queue, and past its length are turned away).</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (long Count, long At)> _evictedAt = new(StringComparer.Ordinal);
    private long _evictions;

    /// <summary>Replaces the output cache's store (as <c>AddOutputCache</c> registered it) with one that wraps it.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton(sp => new FreshPageStore(registered.ImplementationFactory is { } make ? (IOutputCacheStore)make(sp)
            : registered.ImplementationInstance as IOutputCacheStore
            ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<FreshPageStore>());
    }

    /// <summary>Marks the start of a request, before the cache is read or the page rendered.</summary>
    public void Begin() => BegunAfter.Value = Interlocked.Read(ref _evictions);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        // Counted before the pages go: a render that began before this count, and so may show what changed, is not kept.
        _evictedAt[tag] = (Interlocked.Increment(ref _evictions), Environment.TickCount64);
        if (_evictedAt.Count > MostTags)
            foreach (var (old, evicted) in _evictedAt)
                if (Environment.TickCount64 - evicted.At > Remembered.TotalMilliseconds) _evictedAt.TryRemove(old, out _);
        await inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        Stale(tags) ? ValueTask.CompletedTask : inner.SetAsync(key, value, tags, validFor, cancellationToken);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is IOutputCacheBufferStore buffers) return await buffers.TryGetAsync(key, destination, cancellationToken);
        if (await inner.GetAsync(key, cancellationToken) is not { } page) return false;
        destination.Write(page);
        return true;
    }

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor,
        CancellationToken cancellationToken) =>
        Stale(tags.Span) ? ValueTask.CompletedTask
        : inner is IOutputCacheBufferStore buffers ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
        : inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);

    private bool Stale(ReadOnlySpan<string> tags)
    {
        if (BegunAfter.Value is not { } begun || tags.IsEmpty || Interlocked.Read(ref _evictions) == begun) return false;
        foreach (var tag in tags)
            if (_evictedAt.TryGetValue(tag, out var evicted) && evicted.Count > begun) return true;
        return false;
    }

}
