using ForeignDesk.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Caching;

public sealed class FreshPageStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FreshPageStore NewStore()
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddOutputCache();
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
}
