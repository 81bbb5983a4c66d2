using System.Net;
using System.Text;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Core;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>Subscriptions kept in SQLite: across a restart, through renewal, denial and unsubscription, and on /status.</summary>
public sealed class WebSubPersistenceTests
{
    [Fact]
    public async Task Restart_SubscriptionKept_SignedPushAcceptedAndWronglySignedRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        var article = OutletWorld.Housing;
        outlet.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(outlet.BaseUrl, article));
        var feedUrl = WebSubSite.ServeFeed(outlet, hub.Url);
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);
        await site.PollAsync(ct);
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));

        // A new host on the same SQLite file and callback URL: no new subscription, and the old secret still verifies.
        await site.StartAsync(ct);
        await site.PollAsync(ct);
        Assert.Single(hub.Requests);
        var subscription = await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(source.Id, feedUrl, ct);
        Assert.Equal(WebSubState.Verified, subscription?.State);

        var pushed = Encoding.UTF8.GetBytes(WebSubSite.Feed(outlet.BaseUrl, hub.Url, feedUrl, item: (article.Title, outlet.Url(article.Path))));
        using var client = site.Client();
        await WebSubSite.PushAsync(client, subscription!.Id, pushed, "sha256=" + Convert.ToHexStringLower(new byte[32]), ct);
        Assert.Equal(0, await site.QueuedJobsAsync(ct));

        Assert.Equal([HttpStatusCode.Accepted], await hub.PublishAsync(feedUrl.AbsoluteUri, "application/rss+xml", pushed, ct));
        Assert.Equal(1, await site.QueuedJobsAsync(ct));
        var report = await site.RunJobsAsync(ct);
        Assert.Equal(1, report.Created);
        var stored = await site.Services.GetRequiredService<IArticleStore>().FindByUrlAsync(outlet.Url(article.Path).AbsoluteUri, ct);
        Assert.Equal(ArticleState.Translated, stored?.State);

        var status = await client.GetStringAsync("/status", ct);
        Assert.Contains("verified until", status);
        Assert.DoesNotContain(subscription.Secret, status);
    }

    [Fact]
    public async Task Maintain_AfterMostOfTheLease_RenewsWithTheSameCallbackAndSecret()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        var feedUrl = WebSubSite.ServeFeed(outlet, hub.Url);
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);
        hub.GrantLeaseSeconds = 1000;
        await site.PollAsync(ct);
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        var store = site.Services.GetRequiredService<IWebSubSubscriptionStore>();
        var first = (await store.SubscriptionsOfAsync(source.Id, feedUrl, ct)).Single();
        Assert.Equal(TimeSpan.FromSeconds(1000), first.Lease);

        // Half-way through the lease nothing is asked; at 90 % it is renewed.
        var clock = new FakeTimeProvider(first.VerifiedUtc!.Value + TimeSpan.FromSeconds(500));
        var later = site.SubscriberAt(clock);
        await later.MaintainAsync(ct);
        Assert.Single(hub.Requests);
        clock.Advance(TimeSpan.FromSeconds(400));
        await later.MaintainAsync(ct);
        await later.MaintainAsync(ct);

        Assert.Equal(2, hub.Requests.Count);
        var renewal = hub.Requests.Last();
        Assert.Equal("subscribe", renewal.Mode);
        Assert.Equal(hub.Requests.First().Callback, renewal.Callback);
        Assert.Equal(first.Secret, renewal.Secret);
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        var renewed = (await store.SubscriptionsOfAsync(source.Id, feedUrl, ct)).Single();
        Assert.Equal(WebSubState.Verified, renewed.State);
        Assert.True(renewed.ExpiresUtc > first.ExpiresUtc);
    }

    [Fact]
    public async Task HubDenies_DenialRecordedAndShown_PushesRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        hub.DenyWith = "topic <not> allowed";
        var feedUrl = WebSubSite.ServeFeed(outlet, hub.Url);
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);

        await site.PollAsync(ct);
        Assert.Equal("denied", await hub.NextVerificationAsync(ct));

        var subscription = await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(source.Id, feedUrl, ct);
        Assert.Equal(WebSubState.Denied, subscription?.State);
        Assert.Contains("topic <not> allowed", subscription!.Reason);
        var pushed = Encoding.UTF8.GetBytes(WebSubSite.Feed(outlet.BaseUrl, hub.Url, feedUrl, item: null));
        Assert.False(await site.Services.GetRequiredService<WebSubCallback>().AcceptAsync(subscription.Id, WebSubSignature.Sign(pushed, subscription.Secret), pushed, ct));

        // The next poll does not ask again before WebSub:RetryAfter.
        await site.PollAsync(ct);
        Assert.Single(hub.Requests);
        using var client = site.Client();
        var status = await client.GetStringAsync("/status", ct);
        Assert.Contains("denied (127.0.0.1): the hub denied it: topic &lt;not&gt; allowed", status);
    }

    [Fact]
    public async Task FeedDropsItsHub_OrSourceRemoved_Unsubscribes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        var feedUrl = WebSubSite.ServeFeed(outlet, hub.Url);
        var otherUrl = WebSubSite.ServeFeed(outlet, hub.Url, "ca/rss.xml");
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var articles = site.Services.GetRequiredService<IArticleStore>();
        var kept = await site.AddSourceAsync(outlet, feedUrl, ct, name: "Voz");
        var removed = await site.AddSourceAsync(outlet, otherUrl, ct, name: "Veu", section: "ca/", language: "ca");
        await site.PollAsync(ct);
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));

        WebSubSite.ServeFeed(outlet, hub: null);
        await site.PollAsync(ct);
        Assert.Equal("unsubscribed", await hub.NextVerificationAsync(ct));

        Assert.True(await articles.RemoveSourceAsync(removed.Slug, ct));
        await site.Services.GetRequiredService<WebSubSubscriber>().MaintainAsync(ct);
        Assert.Equal("unsubscribed", await hub.NextVerificationAsync(ct));

        var unsubscribes = hub.Requests.Where(r => r.Mode == "unsubscribe").Select(r => r.Topic).Order().ToList();
        Assert.Equal(new[] { otherUrl.AbsoluteUri, feedUrl.AbsoluteUri }.Order(), unsubscribes);
        Assert.Empty(hub.Subscribers);
        Assert.Empty(await site.Services.GetRequiredService<IWebSubSubscriptionStore>().SubscriptionsAsync(ct));
        Assert.Null(await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(kept.Id, feedUrl, ct));
    }
}
