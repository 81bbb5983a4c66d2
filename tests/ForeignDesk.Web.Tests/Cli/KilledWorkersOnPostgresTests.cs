using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.Faults;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// Two real <c>worker</c> processes on one PostgreSQL store (a throwaway cluster), each killed with SIGKILL at random
/// moments while it runs jobs and started again, then both run to the end: every article of the outlet is stored
/// exactly once, translated and placed in a story, and no job is left (a dead one only with its reason).
/// </summary>
public sealed class KilledWorkersOnPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const int Workers = 2;
    private const int KillsPerWorker = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWorkers_EachKilledAtRandomMomentsAndRestarted_StoreEveryArticleExactlyOnceTranslatedAndPlaced()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        using var store = SharedStore.Postgres(await cluster.CreateDatabaseAsync(Ct));
        await using var outlet = await NumberedOutlet.StartAsync(KilledIngestTests.Articles, Ct, KilledIngestTests.ArticleDelay);
        await store.AddSourceAsync(outlet, Ct);

        var kills = await Task.WhenAll(Enumerable.Range(0, Workers).Select(slot => KillRepeatedlyAsync(store, new Random(17 + slot))));
        var running = Enumerable.Range(0, Workers).Select(_ => store.Start(Ct, "worker", "--urls", $"http://127.0.0.1:{PipelineProcess.FreePort()}")).ToList();
        try
        {
            await store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(4), Ct);
            await PipelineProcess.StopAllAsync(running, Ct);
        }
        finally
        {
            foreach (var worker in running) worker.Dispose();
        }

        var stored = await store.AssertEveryArticleOnceTranslatedAndPlacedAsync(outlet, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"killed {kills.Sum()}, restarted {kills.Sum()}, published {outlet.Published}, stored {stored}, lost {outlet.Published - stored}, duplicated 0");
        Assert.Equal(Workers * KillsPerWorker, kills.Sum());
    }

    /// <summary>Starts a worker, lets it work for a random moment once it answers, kills it with SIGKILL; <see cref="KillsPerWorker"/> times.</summary>
    /// <returns>How many times it was killed while it ran.</returns>
    private static async Task<int> KillRepeatedlyAsync(SharedStore store, Random random)
    {
        var kills = 0;
        for (var run = 0; run < KillsPerWorker; run++)
        {
            var url = new Uri($"http://127.0.0.1:{PipelineProcess.FreePort()}/");
            using var worker = store.Start(Ct, "worker", "--urls", url.AbsoluteUri.TrimEnd('/'));
            await worker.WaitUntilAnsweringAsync(url, TimeSpan.FromMinutes(1), Ct);
            var ended = await worker.WaitAsync(TimeSpan.FromMilliseconds(random.Next(200, 2500)), Ct);
            await worker.StopAsync(terminate: false, Ct);
            if (!ended) kills++;
        }
        return kills;
    }
}
