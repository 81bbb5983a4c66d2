using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>Roles one process at a time holds, on each engine through <c>AddStore</c>.</summary>
public abstract class LeadershipContract(StoreEngine engine) : StoreContract(engine)
{
    private readonly StoreEngine _engine = engine;
    private static readonly TimeSpan LeaseTime = new JobOptions().LeaseTime;

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

    [Theory]
    [InlineData(Core.Leadership.Scheduler)]
    [InlineData(Core.Leadership.WebSubUpkeep)]
    public async Task TryAcquire_TheHolderDies_AnotherProcessTakesTheRoleWithinTheLeaseTime(string role)
    {
        var holder = await Leadership.TryAcquireAsync(role, Ct);
        Assert.NotNull(holder);
        await using var other = ServicesAt(Time);
        var successor = other.GetRequiredService<ILeadership>();
        Assert.Null(await successor.TryAcquireAsync(role, Ct));

        // Killed: it neither renews nor gives the role up.
        await _engine.EndRoleHoldersAsync(Ct);
        await PassAsync(LeaseTime);

        await using var taken = await successor.TryAcquireAsync(role, Ct);
        Assert.NotNull(taken);
        Assert.False(await holder.RenewAsync(Ct));
        Assert.True(await taken.RenewAsync(Ct));
        await holder.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquire_ByAProcessWhoseClockJumpedADayAhead_FailsWhileTheHolderRenews()
    {
        await using var holder = await Leadership.TryAcquireAsync(Core.Leadership.Scheduler, Ct);
        Assert.NotNull(holder);
        await using var other = ServicesAt(new JumpingClock(Time, Time.GetUtcNow() + TimeSpan.FromDays(1)));
        var jumped = other.GetRequiredService<ILeadership>();

        Assert.Null(await jumped.TryAcquireAsync(Core.Leadership.Scheduler, Ct));
        await PassAsync(LeaseTime / 2);
        Assert.True(await holder.RenewAsync(Ct));
        await PassAsync(LeaseTime / 2);
        Assert.Null(await jumped.TryAcquireAsync(Core.Leadership.Scheduler, Ct));
        Assert.True(await holder.RenewAsync(Ct));
    }
}
