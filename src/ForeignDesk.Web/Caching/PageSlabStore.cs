using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// The output cache's pages, kept in a ring of pinned blocks that live as long as the site: a cached page is copied
/// in once and never becomes an object the garbage collector must move. Kept as one array each (as ASP.NET Core's
/// memory store keeps them), every page rendered survives the next collections and is copied by them: under a spread
/// of uncached pages that made each collection's pause ten times longer than with nothing kept. The memory given is
/// shared by the ring, the pages read often and the large pages (see the constructor).
/// <para>
/// Pages are written one after the other into blocks of <see cref="BlockBytes"/>; when the ring is full, the oldest
/// block's pages go to make room (oldest first). Reads take no lock: a page is copied out, then checked to be still
/// where it was (a writer marks a block as reused before writing into it); one overwritten meanwhile is a miss.
/// </para>
/// <para>
/// The output cache answers from the array it is given without copying it again, so a page read
/// <see cref="ReadsBeforeKept"/> times is kept as that array (within an eighth of the memory, the longest kept going
/// first) and later reads of it cost no copy: the front page and the day's popular articles, read thousands of times,
/// are each one array, while the long tail of pages read a few times stays in the ring. A page larger than a block is kept as its own array, within a
/// quarter of the memory.
/// </para>
/// <para>
/// As an <see cref="IOutputCacheBufferStore"/>, a page to keep is copied into the ring straight from the output cache's
/// pooled buffer: given to the older <see cref="IOutputCacheStore.SetAsync"/>, the output cache first copies each page
/// into an array of its own (see <see cref="FreshPageStore"/>, which hands pages on to this store).
/// </para>
/// </summary>
internal sealed class PageSlabStore : IOutputCacheBufferStore
{
    /// <summary>Reads after which a page is kept as its own array (see <see cref="KeepAsArray"/>).</summary>
    public const int ReadsBeforeKept = 4;

    /// <summary>The size of each block, and of the largest page kept in one.</summary>
    public const int BlockBytes = 1 << 20;

    private readonly object _writing = new();
    private readonly byte[]?[] _blocks;
    private readonly List<Entry>[] _blockEntries;
    private readonly long _capacity;
    private readonly long _largeBudget;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<Entry>> _tagged = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _large = new();
    private long _largeBytes;
    private readonly Queue<Entry> _often = new();
    private long _oftenBytes;
    private readonly long _oftenBudget;

    /// <summary>Where the next page is written, counted in bytes from the first ever written.</summary>
    private long _head;

    /// <summary>Pages written before this position have been, or are being, overwritten.</summary>
    private long _validFrom;

    /// <summary>The start of the block being written; -1 before the first.</summary>
    private long _entered = -1;

    /// <param name="megabytes">
    /// The memory for pages, shared out as five eighths for the ring (at least two blocks), one eighth for pages kept
    /// as arrays because they are read often, and a quarter for pages larger than a block.
    /// </param>
    public PageSlabStore(long megabytes, TimeProvider? clock = null)
    {
        var blocks = (int)Math.Clamp(megabytes * (1L << 20) * 5 / 8 / BlockBytes, 2, int.MaxValue / 2);
        _blocks = new byte[]?[blocks];
        _blockEntries = Enumerable.Range(0, blocks).Select(_ => new List<Entry>()).ToArray();
        _capacity = (long)blocks * BlockBytes;
        _largeBudget = Math.Max(megabytes * (1L << 20) / 4, BlockBytes);
        _oftenBudget = Math.Max(megabytes * (1L << 20) / 8, BlockBytes);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Pages kept now.</summary>
    public int Count => _entries.Count;

    /// <summary>Replaces the output cache's store (as <c>AddOutputCache</c> registered it) with one of <paramref name="megabytes"/>.</summary>
    public static void Register(IServiceCollection services, Func<IServiceProvider, long> megabytes)
    {
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => new PageSlabStore(megabytes(sp)));
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out var entry) || Expired(entry)) return ValueTask.FromResult<byte[]?>(null);
        if ((entry.Large ?? Volatile.Read(ref entry.Often)) is { } kept) return ValueTask.FromResult<byte[]?>(kept);
        var copy = GC.AllocateUninitializedArray<byte>(entry.Length);
        if (!TryCopy(entry, copy)) return ValueTask.FromResult<byte[]?>(null);
        if (Interlocked.Increment(ref entry.Reads) == ReadsBeforeKept) KeepAsArray(entry, copy);
        return ValueTask.FromResult<byte[]?>(copy);
    }

    public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out var entry) || Expired(entry)) return ValueTask.FromResult(false);
        if ((entry.Large ?? Volatile.Read(ref entry.Often)) is { } kept)
        {
            destination.Write(kept);
            return ValueTask.FromResult(true);
        }
        // Nothing is committed to the writer until the copy is known whole.
        var target = destination.GetSpan(entry.Length)[..entry.Length];
        if (!TryCopy(entry, target)) return ValueTask.FromResult(false);
        destination.Advance(entry.Length);
        if (Interlocked.Increment(ref entry.Reads) == ReadsBeforeKept) KeepAsArray(entry, target.ToArray());
        return ValueTask.FromResult(true);
    }

    /// <summary>Keeps a page read often as its own array, while it is still the page kept under its key.</summary>
    private void KeepAsArray(Entry entry, byte[] page)
    {
        lock (_writing)
        {
            if (!_entries.TryGetValue(entry.Key, out var current) || current != entry || entry.Often is not null) return;
            while (_oftenBytes + page.Length > _oftenBudget && _often.TryDequeue(out var longest))
            {
                _oftenBytes -= longest.Length;
                Volatile.Write(ref longest.Often, null);
                // Out of the ring already: nothing is left to answer from.
                if (longest.Start < Volatile.Read(ref _validFrom)) Forget(longest);
            }
            Volatile.Write(ref entry.Often, page);
            _often.Enqueue(entry);
            _oftenBytes += page.Length;
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        Set(key, new ReadOnlySequence<byte>(value), value, tags ?? [], validFor);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor,
        CancellationToken cancellationToken) =>
        Set(key, value, null, tags.ToArray(), validFor);

    /// <param name="array">The page as an array the caller gives up, when it comes as one: a large page is kept as it is.</param>
    private ValueTask Set(string key, ReadOnlySequence<byte> value, byte[]? array, string[] tags, TimeSpan validFor)
    {
        var expires = _clock.GetUtcNow().UtcTicks + validFor.Ticks;
        lock (_writing)
        {
            if (_entries.TryGetValue(key, out var old)) Forget(old);
            var entry = value.Length > BlockBytes
                ? WriteLarge(key, array ?? value.ToArray(), tags, expires)
                : WriteInRing(key, value, tags, expires);
            if (entry is null) return ValueTask.CompletedTask;
            _entries[key] = entry;
            foreach (var tag in entry.Tags)
            {
                if (!_tagged.TryGetValue(tag, out var set)) _tagged[tag] = set = [];
                set.Add(entry);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (_tagged.TryGetValue(tag, out var set))
                foreach (var entry in set.ToList()) Forget(entry);
        }
        return ValueTask.CompletedTask;
    }

    private Entry WriteInRing(string key, ReadOnlySequence<byte> value, string[] tags, long expires)
    {
        var length = (int)value.Length;
        var offset = (int)(_head % BlockBytes);
        if (offset + length > BlockBytes) _head += BlockBytes - offset;
        if (_head - _head % BlockBytes != _entered) EnterBlock(_head - _head % BlockBytes);
        var index = (int)(_head / BlockBytes % _blocks.Length);
        var block = _blocks[index] ??= GC.AllocateUninitializedArray<byte>(BlockBytes, pinned: true);
        var entry = new Entry(key, _head, length, tags, expires, null);
        value.CopyTo(block.AsSpan((int)(_head % BlockBytes), length));
        _head += length;
        _blockEntries[index].Add(entry);
        return entry;
    }

    /// <summary>Makes the block that starts at <paramref name="start"/> the one written: what it held goes first.</summary>
    private void EnterBlock(long start)
    {
        _entered = start;
        var index = (int)(start / BlockBytes % _blocks.Length);
        // Marked before any byte is written, with a full fence: a reader that copied from the block then sees the mark.
        Interlocked.Exchange(ref _validFrom, Math.Max(0, start + BlockBytes - _capacity));
        // A page kept as its own array stays: it is answered from that array.
        foreach (var entry in _blockEntries[index])
            if (Volatile.Read(ref entry.Often) is null) Forget(entry);
        _blockEntries[index].Clear();
    }

    private Entry? WriteLarge(string key, byte[] value, string[] tags, long expires)
    {
        if (value.Length > _largeBudget) return null;
        while (_largeBytes + value.Length > _largeBudget && _large.TryDequeue(out var oldest))
        {
            _largeBytes -= oldest.Length;
            Forget(oldest);
        }
        // An array of the page's own, given up by the caller or copied from the output cache's buffer: kept as it is.
        var entry = new Entry(key, -1, value.Length, tags, expires, value);
        _large.Enqueue(entry);
        _largeBytes += entry.Length;
        return entry;
    }

    /// <summary>Drops the entry from the keys and tags, where it is still the one kept (under the write lock).</summary>
    private void Forget(Entry entry)
    {
        _entries.TryRemove(new KeyValuePair<string, Entry>(entry.Key, entry));
        foreach (var tag in entry.Tags)
            if (_tagged.TryGetValue(tag, out var set) && set.Remove(entry) && set.Count == 0) _tagged.Remove(tag);
    }

    private bool TryCopy(Entry entry, Span<byte> destination)
    {
        if (entry.Start < Volatile.Read(ref _validFrom)) return false;
        var block = _blocks[(int)(entry.Start / BlockBytes % _blocks.Length)];
        if (block is null) return false;
        block.AsSpan((int)(entry.Start % BlockBytes), entry.Length).CopyTo(destination);
        Interlocked.MemoryBarrier();
        return entry.Start >= Volatile.Read(ref _validFrom);
    }

    private bool Expired(Entry entry) => _clock.GetUtcNow().UtcTicks >= entry.ExpiresTicks;

    /// <summary>A kept page: where it lies in the ring (or its own array), its tags and when it expires; compared by reference.</summary>
    private sealed class Entry(string key, long start, int length, string[] tags, long expiresTicks, byte[]? large)
    {
        public string Key { get; } = key;
        public long Start { get; } = start;
        public int Length { get; } = length;
        public string[] Tags { get; } = tags;
        public long ExpiresTicks { get; } = expiresTicks;
        public byte[]? Large { get; } = large;

        /// <summary>The page as its own array, once it was read often (see <see cref="KeepAsArray"/>).</summary>
        public byte[]? Often;

        /// <summary>How many times the page was copied out of the ring.</summary>
        public int Reads;
    }
}
