using System.Net;
using System.Text;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>The subscriber against a separate hub that speaks WebSub: subscribe, verification of intent, signed push.</summary>
public sealed class WebSubHubTests
{
    [Fact]
    public async Task Hub_VerifiesAndPushes_NewArticleIsStoredAndTranslatedWithoutPoll()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        var article = OutletWorld.Housing;
        outlet.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(outlet.BaseUrl, article));
        var feedUrl = WebSubSite.ServeFeed(outlet, hub.Url);
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);
        var jobs = ActivatorUtilities.CreateInstance<JobWorker>(site.Services);
        await jobs.StartAsync(ct);

        // The one poll: it reads the (empty) feed, finds the hub and subscribes.
        await site.PollAsync(ct);

        var subscription = await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(source.Id, feedUrl, ct);
        Assert.NotNull(subscription);
        var subscribe = Assert.Single(hub.Requests);
        Assert.Equal("subscribe", subscribe.Mode);
        Assert.Equal(feedUrl.AbsoluteUri, subscribe.Topic);
        Assert.Equal($"{site.Url}/websub/{subscription.Id}", subscribe.Callback);
        Assert.Equal(subscription.Secret, subscribe.Secret);
        Assert.Equal("3600", subscribe.LeaseSeconds);
        Assert.Equal("verified", await hub.NextVerificationAsync(ct));

        var pushed = Encoding.UTF8.GetBytes(WebSubSite.Feed(outlet.BaseUrl, hub.Url, feedUrl, item: (article.Title, outlet.Url(article.Path))));
        Assert.Equal([HttpStatusCode.Accepted], await hub.PublishAsync(feedUrl.AbsoluteUri, "application/rss+xml", pushed, ct));

        var stored = await WaitForAsync(store, outlet.Url(article.Path).AbsoluteUri, ct);
        Assert.NotNull(stored);
        Assert.Equal(ArticleState.Translated, stored.State);
        Assert.False(string.IsNullOrWhiteSpace(stored.Translation?.Title));
        await jobs.StopAsync(ct);
    }

    [Fact]
    public async Task HubOnAPrivateAddress_IsNotContacted_UnlessAllowed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        await using var hub = await LocalHub.StartAsync(ct);
        var feedUrl = WebSubSite.ServeFeed(outlet, hub.Url);

        // The outlet's loopback host:port is allowed; the hub's (another port on 127.0.0.1) is not.
        await using var site = new WebSubSite(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "false",
            ["ForeignDesk:Fetch:AllowedPrivateHosts:0"] = $"127.0.0.1:{outlet.BaseUrl.Port}",
            ["ForeignDesk:Fetch:ObeyRobots"] = "false",
        });
        await site.StartAsync(ct);
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);

        await site.PollAsync(ct);

        var subscription = await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(source.Id, feedUrl, ct);
        Assert.NotNull(subscription);
        Assert.Equal(WebSubState.Denied, subscription.State);
        Assert.Contains("127.0.0.1", subscription.Reason);
        Assert.Empty(hub.Requests);
    }

    /// <summary>The article once the pushed feed went through the pipeline; null if it never arrives.</summary>
    internal static async Task<StoredArticle?> WaitForAsync(IArticleStore store, string url, CancellationToken ct)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await store.FindByUrlAsync(url, ct) is { State: ArticleState.Translated } found) return found;
            await Task.Delay(100, ct);
        }

        return await store.FindByUrlAsync(url, ct);
    }
}
