using System.Net;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Web.Tests.Cli;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>
/// A hub's push reaching a web node that runs no pipeline (<c>serve --no-pipeline</c>): the node only enqueues it in
/// the store as a durable job, and a <c>worker</c> process on the same store turns it into an article.
/// </summary>
public sealed class WebSubWebNodeTests
{
    [Fact]
    public async Task SignedPush_ToAWebNodeWithoutThePipeline_IsAJobInTheStoreThatAWorkerProcessTurnsIntoAPlacedArticle()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        var article = OutletWorld.Housing;
        outlet.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(outlet.BaseUrl, article));
        var hub = outlet.Url("hub");
        var feedUrl = WebSubSite.ServeFeed(outlet, hub);
        await using var site = new WebSubSite();
        await site.StartAsync(ct);
        var source = await site.AddSourceAsync(outlet, feedUrl, ct);
        var subscription = new WebSubSubscription("c0ffee00c0ffee00", source.Id, feedUrl, feedUrl, hub, "s3cret-of-the-subscription",
            WebSubState.Verified, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        await site.Services.GetRequiredService<IWebSubSubscriptionStore>().SaveSubscriptionAsync(subscription, ct);

        var pushed = Encoding.UTF8.GetBytes(WebSubSite.Feed(outlet.BaseUrl, hub, feedUrl, item: (article.Title, outlet.Url(article.Path))));
        using var hubClient = site.Client();
        await WebSubSite.PushAsync(hubClient, subscription.Id, pushed, WebSubSignature.Sign(pushed, subscription.Secret), ct);
        // The hub retries the same push: still one job.
        await WebSubSite.PushAsync(hubClient, subscription.Id, pushed, WebSubSignature.Sign(pushed, subscription.Secret), ct);

        var jobs = site.Services.GetRequiredService<IJobQueue>();
        Assert.Equal(new JobCounts(1, 0, 0, 0), await jobs.CountsAsync(ct));
        var store = site.Services.GetRequiredService<IArticleStore>();
        var url = outlet.Url(article.Path).AbsoluteUri;
        Assert.Null(await store.FindByUrlAsync(url, ct));

        using (var worker = PipelineProcess.Start(site.DataDirectory, ct, "worker", "--urls", $"http://127.0.0.1:{PipelineProcess.FreePort()}"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && !(await store.FindByUrlAsync(url, ct) is { State: ArticleState.Translated } stored
                && await site.Services.GetRequiredService<IStoryStore>().StoryOfAsync(stored.Id, ct) is not null
                && await jobs.CountsAsync(ct) == new JobCounts(0, 0, 0, 0)))
                await Task.Delay(200, ct);
            var (exitCode, _, error) = await worker.StopAsync(terminate: true, ct);
            Assert.True(exitCode == 0, error);
        }

        var placed = await store.FindByUrlAsync(url, ct);
        Assert.NotNull(placed);
        Assert.Equal(ArticleState.Translated, placed.State);
        Assert.NotNull(await site.Services.GetRequiredService<IStoryStore>().StoryOfAsync(placed.Id, ct));
        Assert.Equal(new JobCounts(0, 0, 0, 0), await jobs.CountsAsync(ct));
        using var page = await hubClient.GetAsync($"/article/{placed.Id}", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
