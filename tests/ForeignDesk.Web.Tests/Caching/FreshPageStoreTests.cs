using System.Buffers;
using System.IO.Pipelines;
using ForeignDesk.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Caching;

public sealed class FreshPageStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FreshPageStore NewStore(bool slabs = false)
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddOutputCache();
        if (slabs) PageSlabStore.Register(services, _ => 4);
        FreshPageStore.Wrap(services);
        return (FreshPageStore)services.BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
    }

    /// <summary>
    /// The output cache stores a page after its answer has gone out: a change that dropped the page's tags in between
    /// must not leave the page of before the change in the cache.
    /// </summary>
    [Fact]
    public async Task APageRenderedBeforeItsTagWasEvicted_IsNotKept_OthersAre()
    {
        var store = NewStore();
        await Task.Run(async () =>
        {
            store.Begin();
            await store.EvictByTagAsync("policy:1", Ct);
            await store.SetAsync("feed", [1], ["all", "policy:1"], TimeSpan.FromMinutes(1), Ct);
            await store.SetAsync("home", [2], ["all", "latest"], TimeSpan.FromMinutes(1), Ct);
        }, Ct);
        await Task.Run(async () =>
        {
            store.Begin();
            await store.SetAsync("page", [3], ["all", "policy:1"], TimeSpan.FromMinutes(1), Ct);
        }, Ct);

        Assert.Null(await store.GetAsync("feed", Ct));
        Assert.Equal([2], await store.GetAsync("home", Ct));
        Assert.Equal([3], await store.GetAsync("page", Ct));
    }

    [Fact]
    public async Task EvictByTag_StillDropsWhatTheCacheHolds()
    {
        var store = NewStore();
        store.Begin();
        await store.SetAsync("feed", [1], ["policy:1"], TimeSpan.FromMinutes(1), Ct);

        await store.EvictByTagAsync("policy:1", Ct);

        Assert.Null(await store.GetAsync("feed", Ct));
    }

    /// <summary>
    /// The output cache hands a buffer store its pooled buffer instead of an array of the page's own: the same pages are
    /// refused and kept that way, over the site's slab store and over ASP.NET Core's own.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AsABufferStore_APageRenderedBeforeItsTagWasEvicted_IsNotKept_OthersAre(bool slabs)
    {
        var store = NewStore(slabs);
        var home = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();
        await Task.Run(async () =>
        {
            store.Begin();
            await store.EvictByTagAsync("policy:1", Ct);
            await store.SetAsync("feed", new ReadOnlySequence<byte>([1]), new[] { "all", "policy:1" }, TimeSpan.FromMinutes(1), Ct);
            await store.SetAsync("home", new ReadOnlySequence<byte>(home), new[] { "all", "latest" }, TimeSpan.FromMinutes(1), Ct);
        }, Ct);

        Assert.Null(await store.GetAsync("feed", Ct));
        Assert.False(await store.TryGetAsync("feed", new Pipe().Writer, Ct));
        Assert.Equal(home, await store.GetAsync("home", Ct));
        var pipe = new Pipe();
        Assert.True(await store.TryGetAsync("home", pipe.Writer, Ct));
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAtLeastAsync(int.MaxValue, Ct);
        Assert.Equal(home, read.Buffer.ToArray());
        pipe.Reader.AdvanceTo(read.Buffer.End);

        await store.EvictByTagAsync("latest", Ct);
        Assert.Null(await store.GetAsync("home", Ct));
    }
}
