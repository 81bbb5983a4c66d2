using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The hosts' fetch slots (per-host politeness across processes), on each engine through <c>AddStore</c>.</summary>
public abstract class HostSlotsContract(StoreEngine engine) : StoreContract(engine)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    private IHostSlots Slots => Services.GetRequiredService<IHostSlots>();

    [Fact]
    public async Task Reserve_ConcurrentReserversOfOneHost_WaitTheDelayApart_AndOtherHostsDoNotWait()
    {
        var waits = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Slots.ReserveAsync("news.example", Delay, Ct), Ct)));
        var other = await Slots.ReserveAsync("other.example", Delay, Ct);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * Delay), waits.Order());
        Assert.Equal(TimeSpan.Zero, other);
    }

    [Fact]
    public async Task Reserve_AfterTheLastSlotHasPassed_IsNow_AndTheNextIsThatReserversDelayLater()
    {
        await Slots.ReserveAsync("news.example", Delay, Ct);
        await PassAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.Zero, await Slots.ReserveAsync("news.example", TimeSpan.FromSeconds(2), Ct));
        Assert.Equal(TimeSpan.FromSeconds(2), await Slots.ReserveAsync("news.example", Delay, Ct));
        Assert.Equal(TimeSpan.FromSeconds(2) + Delay, await Slots.ReserveAsync("news.example", Delay, Ct));
    }

    [Fact]
    public async Task Reserve_PartOfTheDelayPassed_WaitsTheRest()
    {
        Assert.Equal(TimeSpan.Zero, await Slots.ReserveAsync("news.example", Delay, Ct));
        await PassAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(Delay - TimeSpan.FromSeconds(2), await Slots.ReserveAsync("news.example", Delay, Ct));
    }

    [Fact]
    public async Task Reserve_ASlotTooFarAhead_IsTakenForAClockSetBack_AndTheHostIsFreeNow()
    {
        for (var i = 0; i <= IHostSlots.MaxAhead; i++)
            Assert.Equal(i * Delay, await Slots.ReserveAsync("news.example", Delay, Ct));

        Assert.Equal(TimeSpan.Zero, await Slots.ReserveAsync("news.example", Delay, Ct));
    }

    [Fact]
    public async Task Reserve_ByWorkersWhoseClocksAreADayAheadAndADayBehind_KeepsOneHostsSlotsTheDelayApart()
    {
        await using var ahead = ServicesAt(new JumpingClock(Time, Time.GetUtcNow() + TimeSpan.FromDays(1)));
        await using var behind = ServicesAt(new JumpingClock(Time, Time.GetUtcNow() - TimeSpan.FromDays(1)));
        var aheadSlots = ahead.GetRequiredService<IHostSlots>();
        var behindSlots = behind.GetRequiredService<IHostSlots>();

        // Neither the worker a day ahead frees the host at once, nor the one a day behind holds it back for a day.
        Assert.Equal(TimeSpan.Zero, await aheadSlots.ReserveAsync("news.example", Delay, Ct));
        Assert.Equal(Delay, await Slots.ReserveAsync("news.example", Delay, Ct));
        Assert.Equal(2 * Delay, await behindSlots.ReserveAsync("news.example", Delay, Ct));
        Assert.Equal(3 * Delay, await aheadSlots.ReserveAsync("news.example", Delay, Ct));

        await PassAsync(4 * Delay);
        Assert.Equal(TimeSpan.Zero, await behindSlots.ReserveAsync("news.example", Delay, Ct));
        Assert.Equal(Delay, await aheadSlots.ReserveAsync("news.example", Delay, Ct));
    }
}
