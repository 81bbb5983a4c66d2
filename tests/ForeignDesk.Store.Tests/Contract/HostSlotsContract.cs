using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The hosts' fetch slots (per-host politeness across processes), on each engine through <c>AddStore</c>.</summary>
public abstract class HostSlotsContract(StoreEngine engine) : StoreContract(engine)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    private IHostSlots Slots => Services.GetRequiredService<IHostSlots>();

    [Fact]
    public async Task Reserve_ConcurrentReserversOfOneHost_GetSlotsTheDelayApart_AndOtherHostsDoNotWait()
    {
        var now = Time.GetUtcNow();

        var slots = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Slots.ReserveAsync("news.example", Delay, Ct), Ct)));
        var other = await Slots.ReserveAsync("other.example", Delay, Ct);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => now + i * Delay), slots.Order());
        Assert.Equal(now, other);
    }

    [Fact]
    public async Task Reserve_AfterTheLastSlotHasPassed_IsNow_AndTheNextIsThatReserversDelayLater()
    {
        await Slots.ReserveAsync("news.example", Delay, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Time.GetUtcNow(), await Slots.ReserveAsync("news.example", TimeSpan.FromSeconds(2), Ct));
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(2), await Slots.ReserveAsync("news.example", Delay, Ct));
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(2) + Delay, await Slots.ReserveAsync("news.example", Delay, Ct));
    }

    [Fact]
    public async Task Reserve_ASlotTooFarAhead_IsTakenForAClockSetBack_AndTheHostIsFreeNow()
    {
        for (var i = 0; i <= IHostSlots.MaxAhead; i++)
            Assert.Equal(Time.GetUtcNow() + i * Delay, await Slots.ReserveAsync("news.example", Delay, Ct));

        Assert.Equal(Time.GetUtcNow(), await Slots.ReserveAsync("news.example", Delay, Ct));
    }
}
