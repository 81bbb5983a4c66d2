using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using ForeignDesk.Web.Tests.Faults;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// Two real <c>worker</c> processes on one store: the poll scheduler and WebSub upkeep run in the first only; killed
/// with SIGKILL, the second takes the scheduler role over within the lease time and polls the outlet's new article.
/// On the SQLite file and on PostgreSQL (a throwaway cluster).
/// </summary>
public sealed class SchedulerTakeoverTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const string TookScheduler = "took the scheduler role";
    private const string TookUpkeep = "took the websub-upkeep role";
    private static readonly TimeSpan LeaseTime = TimeSpan.Parse(PipelineProcess.LeaseTime, System.Globalization.CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWorkersOnSqlite_LeaderKilled_TheOtherTakesOverScheduling()
    {
        using var store = SharedStore.Sqlite();
        await LeaderKilled_TheOtherTakesOverSchedulingAsync(store);
    }

    [Fact]
    public async Task TwoWorkersOnPostgres_LeaderKilled_TheOtherTakesOverScheduling()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        using var store = SharedStore.Postgres(await cluster.CreateDatabaseAsync(Ct));
        await LeaderKilled_TheOtherTakesOverSchedulingAsync(store);
    }

    private static async Task LeaderKilled_TheOtherTakesOverSchedulingAsync(SharedStore store)
    {
        await using var outlet = await NumberedOutlet.StartAsync(1, Ct);
        await store.AddSourceAsync(outlet, Ct);
        using var leader = await StartWorkerAsync(store);
        Assert.True(await leader.WaitUntilLoggedAsync(TookScheduler, TimeSpan.FromMinutes(1), Ct), "the first worker took no scheduler role");
        Assert.True(await leader.WaitUntilLoggedAsync(TookUpkeep, TimeSpan.FromMinutes(1), Ct), "the first worker took no websub-upkeep role");
        await store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(2), Ct);
        using var other = await StartWorkerAsync(store);

        // The other tries every second for several lease times while the leader renews: it gets neither role.
        await Task.Delay(LeaseTime * 3, Ct);
        Assert.False(other.Logged(TookScheduler), "two workers held the scheduler role at once");
        Assert.False(other.Logged(TookUpkeep), "two workers held the websub-upkeep role at once");

        await leader.StopAsync(terminate: false, Ct);
        Assert.True(await other.WaitUntilLoggedAsync(TookScheduler, TimeSpan.FromMinutes(1), Ct), "no worker took the scheduler role over");
        Assert.True(await other.WaitUntilLoggedAsync(TookUpkeep, TimeSpan.FromMinutes(1), Ct), "no worker took the websub-upkeep role over");
        outlet.Publish();
        await store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(2), Ct);
        await PipelineProcess.StopAllAsync([other], Ct);

        // The article published after the kill was polled by the other worker's scheduler; nothing is stored twice.
        await using var app = store.Open();
        var articles = app.Services.GetRequiredService<IArticleStore>();
        var source = Assert.Single(await articles.ListSourcesAsync(Ct));
        Assert.Equal(2, (await articles.FromSourceAsync(source.Id, null, 10, Ct)).Items.Count);
        Assert.NotNull(await articles.FindByUrlAsync(outlet.ArticleUrl(2).AbsoluteUri, Ct));
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
