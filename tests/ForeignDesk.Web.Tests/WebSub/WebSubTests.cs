using System.Net;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

public sealed class WebSubTests
{
    [Fact]
    public async Task Feed_NamingAHub_IsSubscribedVerifiedAndPushedContentStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        var article = OutletWorld.Housing;
        outlet.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(outlet.BaseUrl, article));
        // The hub accepts every request with 202; the test then plays its verification and push by hand.
        var hub = outlet.Url("hub");
        outlet.Serve("hub", "text/plain", "", status: 202);
        var feedUrl = WebSubSite.ServeFeed(outlet, hub);
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);

        await site.PollAsync(ct);

        var subscription = await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(source.Id, feedUrl, ct);
        Assert.NotNull(subscription);
        var id = subscription.Id;
        Assert.Equal(hub, subscription.Hub);
        Assert.Equal(feedUrl, subscription.Topic);

        using var hubClient = site.Client();
        var verify = await hubClient.GetStringAsync($"/websub/{id}?hub.mode=subscribe&hub.topic={Uri.EscapeDataString(feedUrl.AbsoluteUri)}&hub.challenge=c4a11e9e&hub.lease_seconds=86400", ct);
        Assert.Equal("c4a11e9e", verify);
        using var wrongTopic = await hubClient.GetAsync($"/websub/{id}?hub.mode=subscribe&hub.topic=http%3A%2F%2Fother.example%2F&hub.challenge=x", ct);
        Assert.Equal(HttpStatusCode.NotFound, wrongTopic.StatusCode);

        var pushed = Encoding.UTF8.GetBytes(WebSubSite.Feed(outlet.BaseUrl, hub, feedUrl, item: (article.Title, outlet.Url(article.Path))));
        await WebSubSite.PushAsync(hubClient, id, pushed, "sha256=" + new string('0', 64), ct);
        Assert.Equal(0, await site.QueuedJobsAsync(ct));

        await WebSubSite.PushAsync(hubClient, id, pushed, WebSubSignature.Sign(pushed, subscription.Secret), ct);
        Assert.Equal(1, await site.QueuedJobsAsync(ct));
        var report = await site.RunJobsAsync(ct);

        Assert.Equal(1, report.Created);
        var stored = await store.FindByUrlAsync(outlet.Url(article.Path).AbsoluteUri, ct);
        Assert.NotNull(stored);
        Assert.Equal(ArticleState.Translated, stored.State);
    }
}
