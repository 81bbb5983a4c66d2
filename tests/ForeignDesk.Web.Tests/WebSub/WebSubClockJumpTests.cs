using ForeignDesk.Bench.Latency;
using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>
/// Verified subscriptions while the machine's wall clock is stepped a day forward and two back: the hub counts the lease
/// in real time, so none is taken for expired at the step, and each is renewed once 85 % of its lease has really passed.
/// </summary>
public sealed class WebSubClockJumpTests
{
    private const int LeaseSeconds = 1000;

    [Fact]
    public async Task Maintain_WallClockStepsADayForwardAndBack_NoneExpiresAndEachIsRenewedBeforeItsLeaseEnds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        var spanish = WebSubSite.ServeFeed(outlet, hub.Url);
        var catalan = WebSubSite.ServeFeed(outlet, hub.Url, "ca/rss.xml");
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        await site.AddSourceAsync(outlet, spanish, ct, name: "Voz");
        await site.AddSourceAsync(outlet, catalan, ct, name: "Veu", section: "ca/", language: "ca");
        hub.GrantLeaseSeconds = LeaseSeconds;
        await site.PollAsync(ct);
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        var store = site.Services.GetRequiredService<IWebSubSubscriptionStore>();
        var first = await store.SubscriptionsAsync(ct);
        Assert.Equal(2, first.Count);
        Assert.All(first, s => Assert.Equal(WebSubState.Verified, s.State));

        var steady = new FakeTimeProvider(first.Max(s => s.VerifiedUtc!.Value) + TimeSpan.FromSeconds(100));
        var clock = new JumpingClock(steady, steady.GetUtcNow());
        var subscriber = site.SubscriberAt(clock);

        clock.Jump(TimeSpan.FromDays(1));
        await subscriber.MaintainAsync(ct);
        Assert.Equal(2, hub.Requests.Count);
        Assert.All(await store.SubscriptionsAsync(ct), s => Assert.Equal(WebSubState.Verified, s.State));

        clock.Jump(TimeSpan.FromDays(-2));
        steady.Advance(TimeSpan.FromSeconds(LeaseSeconds * 0.8));
        await subscriber.MaintainAsync(ct);
        Assert.Equal(4, hub.Requests.Count);
        Assert.All(hub.Requests.Skip(2), r => Assert.Equal("subscribe", r.Mode));
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        foreach (var renewed in await store.SubscriptionsAsync(ct))
        {
            Assert.Equal(WebSubState.Verified, renewed.State);
            Assert.True(renewed.ExpiresUtc > first.Single(s => s.Id == renewed.Id).ExpiresUtc);
        }
    }
}
