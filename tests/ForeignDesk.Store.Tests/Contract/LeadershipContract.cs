using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>Roles one process at a time holds, on each engine through <c>AddStore</c>.</summary>
public abstract class LeadershipContract(StoreEngine engine) : StoreContract(engine)
{
    private ILeadership Leadership => Services.GetRequiredService<ILeadership>();

    [Fact]
    public async Task TryAcquire_WhileAnotherHoldsTheRole_Fails_AndSucceedsOnceItIsGivenUp()
    {
        var first = await Leadership.TryAcquireAsync(Core.Leadership.Clusterer, Ct);
        Assert.NotNull(first);
        Assert.Equal(Core.Leadership.Clusterer, first.Role);

        Assert.Null(await Leadership.TryAcquireAsync(Core.Leadership.Clusterer, Ct));
        Assert.True(await first.RenewAsync(Ct));
        Assert.Null(await Leadership.TryAcquireAsync(Core.Leadership.Clusterer, Ct));
        await first.DisposeAsync();

        await using var second = await Leadership.TryAcquireAsync(Core.Leadership.Clusterer, Ct);
        Assert.NotNull(second);
        Assert.True(await second.RenewAsync(Ct));
    }

    [Fact]
    public async Task TryAcquire_OtherRoles_AreHeldApart()
    {
        await using var clusterer = await Leadership.TryAcquireAsync(Core.Leadership.Clusterer, Ct);
        await using var other = await Leadership.TryAcquireAsync("other", Ct);

        Assert.NotNull(clusterer);
        Assert.NotNull(other);
        Assert.Null(await Leadership.TryAcquireAsync("other", Ct));
    }
}
