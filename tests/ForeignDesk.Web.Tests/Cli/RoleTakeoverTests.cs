using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using ForeignDesk.Web.Tests.Faults;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// Two real <c>worker</c> processes on one store: the poll scheduler, WebSub upkeep and the story clusterer run in the
/// first only; killed with SIGKILL, the second takes the roles over within the lease time, polls the outlet's new
/// article and places it in the story of the earlier one (its story index rebuilt from the stored features). On the
/// SQLite file and on PostgreSQL (a throwaway cluster).
/// </summary>
public sealed class RoleTakeoverTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const string TookScheduler = "took the scheduler role";
    private const string TookUpkeep = "took the websub-upkeep role";
    private const string TookClusterer = "took the clusterer role";
    private static readonly TimeSpan LeaseTime = TimeSpan.Parse(PipelineProcess.LeaseTime, System.Globalization.CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWorkersOnSqlite_LeaderKilled_TheOtherTakesOverSchedulingAndClustering()
    {
        using var store = SharedStore.Sqlite();
        await LeaderKilled_TheOtherTakesOverAsync(store);
    }

    [Fact]
    public async Task TwoWorkersOnPostgres_LeaderKilled_TheOtherTakesOverSchedulingAndClustering()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        using var store = SharedStore.Postgres(await cluster.CreateDatabaseAsync(Ct));
        await LeaderKilled_TheOtherTakesOverAsync(store);
    }

    private static async Task LeaderKilled_TheOtherTakesOverAsync(SharedStore store)
    {
        // Published yesterday: the worker that takes the clusterer role over rebuilds its index from the articles of the
        // last nine days on the real clock (the related and join windows), and an article of a fixed day drops out of it.
        await using var outlet = await NumberedOutlet.StartAsync(1, Ct, day: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)));
        await store.AddSourceAsync(outlet, Ct);
        using var leader = await StartWorkerAsync(store);
        Assert.True(await leader.WaitUntilLoggedAsync(TookScheduler, TimeSpan.FromMinutes(1), Ct), "the first worker took no scheduler role");
        Assert.True(await leader.WaitUntilLoggedAsync(TookUpkeep, TimeSpan.FromMinutes(1), Ct), "the first worker took no websub-upkeep role");
        Assert.True(await leader.WaitUntilLoggedAsync(TookClusterer, TimeSpan.FromMinutes(1), Ct), "the first worker took no clusterer role");
        await store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(2), Ct);
        using var other = await StartWorkerAsync(store);

        // The other tries every second for several lease times while the leader renews: it gets neither role.
        await Task.Delay(LeaseTime * 3, Ct);
        Assert.False(other.Logged(TookScheduler), "two workers held the scheduler role at once");
        Assert.False(other.Logged(TookUpkeep), "two workers held the websub-upkeep role at once");
        Assert.False(other.Logged(TookClusterer), "two workers held the clusterer role at once");

        await leader.StopAsync(terminate: false, Ct);
        Assert.True(await other.WaitUntilLoggedAsync(TookScheduler, TimeSpan.FromMinutes(1), Ct), "no worker took the scheduler role over");
        Assert.True(await other.WaitUntilLoggedAsync(TookUpkeep, TimeSpan.FromMinutes(1), Ct), "no worker took the websub-upkeep role over");
        Assert.True(await other.WaitUntilLoggedAsync(TookClusterer, TimeSpan.FromMinutes(1), Ct), "no worker took the clusterer role over");
        outlet.Publish();
        await store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(2), Ct);
        await PipelineProcess.StopAllAsync([other], Ct);

        // The article published after the kill was polled by the other worker's scheduler and placed by its clusterer
        // in the story of the first (the two are one event, told twice): nothing is stored or placed twice, nothing lost.
        await store.AssertEveryArticleOnceTranslatedAndPlacedAsync(outlet, Ct);
        await using var app = store.Open();
        var articles = app.Services.GetRequiredService<IArticleStore>();
        var stories = app.Services.GetRequiredService<IStoryStore>();
        var first = await articles.FindByUrlAsync(outlet.ArticleUrl(1).AbsoluteUri, Ct);
        var second = await articles.FindByUrlAsync(outlet.ArticleUrl(2).AbsoluteUri, Ct);
        Assert.NotNull(first);
        Assert.NotNull(second);
        var story = await stories.StoryOfAsync(first.Id, Ct);
        Assert.NotNull(story);
        Assert.Equal(story, await stories.StoryOfAsync(second.Id, Ct));
        Assert.Equal([first.Id, second.Id], (await stories.StoryArticlesAsync(story.Value, null, 10, Ct)).Items.Select(a => a.Article.Id).Order());
    }

    /// <summary>A worker that polls its endpoints every few seconds, answering its probes.</summary>
    private static async Task<PipelineProcess> StartWorkerAsync(SharedStore store)
    {
        var url = new Uri($"http://127.0.0.1:{PipelineProcess.FreePort()}/");
        var environment = new Dictionary<string, string>(store.Environment)
        {
            ["ForeignDesk__Pipeline__MinPollInterval"] = "00:00:01",
            ["ForeignDesk__Pipeline__PollInterval"] = "00:00:02",
            ["ForeignDesk__Pipeline__MaxPollInterval"] = "00:00:02",
        };
        var worker = PipelineProcess.Start(store.DataDirectory, environment, Ct, "worker", "--urls", url.AbsoluteUri.TrimEnd('/'));
        Assert.True(await worker.WaitUntilAnsweringAsync(url, TimeSpan.FromMinutes(1), Ct), "the worker did not start");
        return worker;
    }
}
