using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Faults;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// The real program's <c>ingest --once</c>, and its <c>worker</c>, killed at random points (SIGKILL and SIGTERM, in turn) while it runs the
/// pipeline's jobs (poll, fetch, translate, place) for an outlet whose feed sends an ETag, then run to its end: the
/// jobs a killed process held are taken again once their lease expires, every article is stored exactly once,
/// translated (or set aside for an engine) and placed in a story, and no job is left queued, running, failed or dead.
/// </summary>
public sealed class KilledIngestTests : IDisposable
{
    /// <summary>Articles of the outlet's feed.</summary>
    public const int Articles = 24;

    /// <summary>How long each article page takes to come, so that kills land mid-fetch.</summary>
    public static readonly TimeSpan ArticleDelay = TimeSpan.FromMilliseconds(40);

    private const int Kills = 20;

    private readonly SharedStore _store = SharedStore.Sqlite();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task IngestOnce_KilledMidJobAtRandomPointsThenRunToItsEnd_StoresEveryArticleExactlyOnceTranslatedAndPlacedWithNoJobLeft()
    {
        await using var outlet = await NumberedOutlet.StartAsync(Articles, Ct, ArticleDelay);
        await _store.AddSourceAsync(outlet, Ct);

        var random = new Random(11);
        for (var run = 0; run < Kills; run++)
            await RunAndKillAsync(TimeSpan.FromMilliseconds(random.Next(200, 2500)), terminate: run % 2 == 1);
        var last = await RunAndKillAsync(TimeSpan.FromMinutes(5), terminate: false);
        Assert.True(last.ExitCode == 0, last.Error);

        await _store.AssertEveryArticleOnceTranslatedAndPlacedAsync(outlet, Ct);
        await AssertNoDeadJobAsync();
    }

    [Fact]
    public async Task Worker_KilledMidJobAndRestarted_StoresEveryArticleExactlyOnceTranslatedAndPlaced_AndAnswersOnlyItsProbes()
    {
        await using var outlet = await NumberedOutlet.StartAsync(Articles, Ct, ArticleDelay);
        await _store.AddSourceAsync(outlet, Ct);

        var random = new Random(13);
        for (var run = 0; run < Kills / 4; run++)
        {
            using var killed = _store.Start(Ct, "worker", "--urls", $"http://127.0.0.1:{PipelineProcess.FreePort()}");
            await killed.WaitAsync(TimeSpan.FromMilliseconds(random.Next(500, 3000)), Ct);
            await killed.StopAsync(terminate: run % 2 == 1, Ct);
        }
        var port = PipelineProcess.FreePort();
        using var worker = _store.Start(Ct, "worker", "--urls", $"http://127.0.0.1:{port}");
        await _store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(3), Ct);
        // The killed runs may have placed every article before this worker opened its probe port.
        Assert.True(await worker.WaitUntilAnsweringAsync(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromMinutes(1), Ct), "the worker's probes never answered");
        using (var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") })
        {
            Assert.Equal("ok", await probe.GetStringAsync("/healthz", Ct));
            Assert.Equal("ready", await probe.GetStringAsync("/readyz", Ct));
            using var home = await probe.GetAsync("/", Ct);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, home.StatusCode);
        }
        var stopped = await worker.StopAsync(terminate: true, Ct);
        Assert.True(stopped.ExitCode == 0, stopped.Error);

        await _store.AssertEveryArticleOnceTranslatedAndPlacedAsync(outlet, Ct);
        await AssertNoDeadJobAsync();
    }

    private async Task AssertNoDeadJobAsync()
    {
        await using var app = _store.Open();
        Assert.Equal(0, (await app.Services.GetRequiredService<IJobQueue>().CountsAsync(Ct)).Dead);
    }

    /// <summary>Starts <c>ingest --once</c> and stops it after <paramref name="after"/> unless it ended: SIGTERM or SIGKILL.</summary>
    private async Task<(int ExitCode, string Error)> RunAndKillAsync(TimeSpan after, bool terminate)
    {
        using var process = _store.Start(Ct, "ingest", "--once");
        await process.WaitAsync(after, Ct);
        var (exitCode, _, error) = await process.StopAsync(terminate, Ct);
        return (exitCode, error);
    }
}
