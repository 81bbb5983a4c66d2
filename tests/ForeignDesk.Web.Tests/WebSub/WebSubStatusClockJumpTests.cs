using ForeignDesk.Core;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>
/// /status judges a WebSub lease by the clock the subscriber renews by (<see cref="LeaseClock"/>), not the wall clock:
/// the machine's clock stepped a day forward shows no live lease as expired, stepped a day back shows no lapsed one as
/// verified.
/// </summary>
public sealed class WebSubStatusClockJumpTests
{
    [Fact]
    public async Task Status_WallClockStepsADayForwardOrBack_LiveLeaseStaysVerifiedAndLapsedLeaseStaysExpired()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        var clock = new JumpingClock(TimeProvider.System, TimeProvider.System.GetUtcNow());
        await using var site = new WebSubSite(time: clock);
        await site.StartAsync(ct);
        var liveFeed = WebSubSite.ServeFeed(outlet, hub: null);
        var lapsedFeed = WebSubSite.ServeFeed(outlet, hub: null, "ca/rss.xml");
        var live = await site.AddSourceAsync(outlet, liveFeed, ct, name: "Voz");
        var lapsed = await site.AddSourceAsync(outlet, lapsedFeed, ct, name: "Veu", section: "ca/", language: "ca");
        var endpoints = site.Services.GetRequiredService<ISourceEndpointStore>();
        await endpoints.AddEndpointAsync(live.Id, EndpointKind.Feed, liveFeed, ct);
        await endpoints.AddEndpointAsync(lapsed.Id, EndpointKind.Feed, lapsedFeed, ct);
        var leaseNow = site.Services.GetRequiredService<LeaseClock>().GetUtcNow();
        var subscriptions = site.Services.GetRequiredService<IWebSubSubscriptionStore>();
        await subscriptions.SaveSubscriptionAsync(Verified("live", live.Id, liveFeed, new Uri("http://live-hub.example/"), leaseNow + TimeSpan.FromHours(1)), ct);
        await subscriptions.SaveSubscriptionAsync(Verified("lapsed", lapsed.Id, lapsedFeed, new Uri("http://lapsed-hub.example/"), leaseNow - TimeSpan.FromMinutes(1)), ct);
        using var client = site.Client();

        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromDays(1), TimeSpan.FromDays(-2) })
        {
            clock.Jump(step);
            var status = await client.GetStringAsync("/status", ct);
            Assert.Contains("verified until", status);
            Assert.Contains("(live-hub.example)", status);
            Assert.Contains("expired (lapsed-hub.example)", status);
            Assert.DoesNotContain("expired (live-hub.example)", status);
        }
    }

    private static WebSubSubscription Verified(string id, long sourceId, Uri feed, Uri hub, DateTimeOffset expires) => new(
        id, sourceId, feed, feed, hub, "secret-" + id, WebSubState.Verified,
        expires - TimeSpan.FromHours(2), TimeSpan.FromHours(2), expires - TimeSpan.FromHours(2), expires);
}
