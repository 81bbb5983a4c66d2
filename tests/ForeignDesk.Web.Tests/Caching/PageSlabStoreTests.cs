using System.Buffers;
using System.IO.Pipelines;
using ForeignDesk.Web.Caching;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.Caching;

public sealed class PageSlabStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A page's bytes, different for every key and length.</summary>
    private static byte[] Page(string key, int length)
    {
        var bytes = new byte[length];
        var seed = StringComparer.Ordinal.GetHashCode(key);
        for (var i = 0; i < length; i++) bytes[i] = (byte)(seed + i * 31 + (i >> 8));
        return bytes;
    }

    private static async Task<byte[]?> ReadAsync(PageSlabStore store, string key) => await store.GetAsync(key, Ct);

    [Fact]
    public async Task APage_IsReadBackAsWritten_AndOnceReadOftenFromItsOwnArray()
    {
        var store = new PageSlabStore(4);
        var page = Page("/article/1", 30_000);

        await store.SetAsync("/article/1", page, ["all", "article:1"], TimeSpan.FromMinutes(1), Ct);

        var reads = new List<byte[]?>();
        for (var i = 0; i <= PageSlabStore.ReadsBeforeKept; i++) reads.Add(await ReadAsync(store, "/article/1"));
        Assert.All(reads, read => Assert.Equal(page, read));
        Assert.NotSame(reads[0], reads[1]);
        Assert.Same(reads[^2], reads[^1]);
        Assert.Null(await ReadAsync(store, "/article/2"));
    }

    /// <summary>The bytes as a sequence of segments of at most <paramref name="size"/> bytes, as the output cache's buffers come.</summary>
    private static ReadOnlySequence<byte> InSegments(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var start = 0; start < bytes.Length; start += size)
        {
            var segment = new Segment(bytes.AsMemory(start, Math.Min(size, bytes.Length - start)), last?.RunningIndex + last?.Memory.Length ?? 0);
            if (last is null) first = segment;
            else last.SetNext(segment);
            last = segment;
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }

    private static async Task<byte[]?> ReadThroughPipeAsync(PageSlabStore store, string key)
    {
        var pipe = new Pipe();
        if (!await store.TryGetAsync(key, pipe.Writer, Ct)) return null;
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAtLeastAsync(int.MaxValue, Ct);
        var bytes = read.Buffer.ToArray();
        pipe.Reader.AdvanceTo(read.Buffer.End);
        return bytes;
    }

    [Fact]
    public async Task APageGivenInSegments_IsReadBackWhole_ByEitherRead_AndEvictedByItsTags()
    {
        var store = new PageSlabStore(8); // large pages: 2 MB
        var page = Page("/article/7", 70_000);
        var large = Page("/day", PageSlabStore.BlockBytes + 1000);

        await store.SetAsync("/article/7", InSegments(page, 16_384), new[] { "all", "article:7" }, TimeSpan.FromMinutes(1), Ct);
        await store.SetAsync("/day", InSegments(large, 81_920), new[] { "all", "day" }, TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(page, await ReadAsync(store, "/article/7"));
        Assert.Equal(page, await ReadThroughPipeAsync(store, "/article/7"));
        Assert.Equal(large, await ReadAsync(store, "/day"));
        Assert.Equal(large, await ReadThroughPipeAsync(store, "/day"));
        Assert.Null(await ReadThroughPipeAsync(store, "/article/8"));
        for (var read = 0; read < PageSlabStore.ReadsBeforeKept; read++) await ReadThroughPipeAsync(store, "/article/7");
        Assert.Equal(page, await ReadThroughPipeAsync(store, "/article/7"));
        Assert.Same(await ReadAsync(store, "/article/7"), await ReadAsync(store, "/article/7"));

        await store.EvictByTagAsync("article:7", Ct);
        Assert.Null(await ReadAsync(store, "/article/7"));
        Assert.Null(await ReadThroughPipeAsync(store, "/article/7"));
        Assert.Equal(large, await ReadAsync(store, "/day"));
        await store.EvictByTagAsync("day", Ct);
        Assert.Null(await ReadThroughPipeAsync(store, "/day"));
    }

    [Fact]
    public async Task PagesReadOften_OutliveTheRing_WithinAnEighthOfTheMemory()
    {
        var store = new PageSlabStore(2); // often-read pages: 1 MB in all
        await store.SetAsync("home", Page("home", 300_000), ["all"], TimeSpan.FromMinutes(1), Ct);
        for (var read = 0; read < PageSlabStore.ReadsBeforeKept; read++) await ReadAsync(store, "home");
        for (var i = 0; i < 20; i++)
            await store.SetAsync($"p{i}", Page($"p{i}", 300_000), ["all"], TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(Page("home", 300_000), await ReadAsync(store, "home"));
        await store.EvictByTagAsync("all", Ct);
        Assert.Null(await ReadAsync(store, "home"));

        for (var i = 0; i < 5; i++)
        {
            await store.SetAsync($"often{i}", Page($"often{i}", 300_000), ["all"], TimeSpan.FromMinutes(1), Ct);
            for (var read = 0; read < PageSlabStore.ReadsBeforeKept; read++) await ReadAsync(store, $"often{i}");
        }
        for (var i = 0; i < 20; i++)
            await store.SetAsync($"q{i}", Page($"q{i}", 300_000), ["all"], TimeSpan.FromMinutes(1), Ct);

        // Three fit in the megabyte: the two kept longest went, and the ring no longer holds them.
        Assert.Null(await ReadAsync(store, "often0"));
        Assert.Null(await ReadAsync(store, "often1"));
        for (var i = 2; i < 5; i++) Assert.Equal(Page($"often{i}", 300_000), await ReadAsync(store, $"often{i}"));
    }

    [Fact]
    public async Task EvictByTag_DropsThePagesWithTheTag_AndKeepsTheOthers()
    {
        var store = new PageSlabStore(4);
        await store.SetAsync("a", Page("a", 100), ["all", "article:1"], TimeSpan.FromMinutes(1), Ct);
        await store.SetAsync("b", Page("b", 100), ["all", "article:2"], TimeSpan.FromMinutes(1), Ct);

        await store.EvictByTagAsync("article:1", Ct);

        Assert.Null(await ReadAsync(store, "a"));
        Assert.Equal(Page("b", 100), await ReadAsync(store, "b"));
        await store.EvictByTagAsync("all", Ct);
        Assert.Null(await ReadAsync(store, "b"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task APageSetAgain_IsTheNewOne_AndLeavesTheOldTags()
    {
        var store = new PageSlabStore(4);
        await store.SetAsync("home", Page("old", 500), ["all", "latest"], TimeSpan.FromMinutes(1), Ct);
        await store.SetAsync("home", Page("new", 700), ["all", "trends"], TimeSpan.FromMinutes(1), Ct);

        await store.EvictByTagAsync("latest", Ct);

        Assert.Equal(Page("new", 700), await ReadAsync(store, "home"));
    }

    [Fact]
    public async Task APage_PastItsLifetime_IsNotServed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new PageSlabStore(4, clock);
        await store.SetAsync("day", Page("day", 100), ["all"], TimeSpan.FromMinutes(10), Ct);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await ReadAsync(store, "day"));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await ReadAsync(store, "day"));
    }

    [Fact]
    public async Task AFullRing_DropsTheOldestPages_AndKeepsTheNewestIntact()
    {
        var store = new PageSlabStore(2); // two blocks of 1 MB
        for (var i = 0; i < 20; i++)
            await store.SetAsync($"p{i}", Page($"p{i}", 300_000), ["all"], TimeSpan.FromMinutes(1), Ct);

        // Three pages fit in a block: the last block written and the one before it hold p15 to p19 at most.
        Assert.Null(await ReadAsync(store, "p0"));
        Assert.Null(await ReadAsync(store, "p10"));
        for (var i = 17; i < 20; i++) Assert.Equal(Page($"p{i}", 300_000), await ReadAsync(store, $"p{i}"));
        Assert.True(store.Count <= 6, $"{store.Count} pages kept in two blocks of three");
    }

    [Fact]
    public async Task PagesLargerThanABlock_AreKeptWithinAQuarterOfTheMemory_OldestFirstOut()
    {
        var store = new PageSlabStore(8); // large pages: 2 MB in all
        var big = PageSlabStore.BlockBytes + 1000;

        await store.SetAsync("sitemap-1", Page("sitemap-1", big), ["all"], TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(Page("sitemap-1", big), await ReadAsync(store, "sitemap-1"));
        await store.SetAsync("sitemap-2", Page("sitemap-2", big), ["all"], TimeSpan.FromMinutes(1), Ct);

        Assert.Null(await ReadAsync(store, "sitemap-1"));
        Assert.Equal(Page("sitemap-2", big), await ReadAsync(store, "sitemap-2"));
        await store.SetAsync("too-big", Page("too-big", 3 << 20), ["all"], TimeSpan.FromMinutes(1), Ct);
        Assert.Null(await ReadAsync(store, "too-big"));
    }

    /// <summary>Readers copy pages while a writer wraps the ring over them: a read gives the page whole or not at all.</summary>
    [Fact]
    public async Task ReadsWhileTheRingWraps_GiveWholePagesOrMisses_NeverMixedBytes()
    {
        var store = new PageSlabStore(2);
        var written = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.SetAsync($"k{i}", Page($"k{i}", 40_000 + i % 7 * 1000), ["all"], TimeSpan.FromMinutes(1), CancellationToken.None);
                Volatile.Write(ref written, i);
            }
        }, Ct);
        var (hits, misses) = (0, 0);
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                var i = Math.Max(0, Volatile.Read(ref written) - random.Next(0, 80));
                var read = await ReadAsync(store, $"k{i}");
                if (read is null) Interlocked.Increment(ref misses);
                else
                {
                    Assert.Equal(Page($"k{i}", 40_000 + i % 7 * 1000), read);
                    Interlocked.Increment(ref hits);
                }
            }
        }, Ct)).ToList();

        await Task.WhenAll([writer, .. readers]);

        Assert.True(hits > 100, $"{hits} hits");
        Assert.True(misses > 0, "the readers also asked for pages already overwritten");
    }

}
