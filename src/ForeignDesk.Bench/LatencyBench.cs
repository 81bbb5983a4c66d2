using System.Diagnostics;
using System.Globalization;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench latency [--outlets 200] [--minutes 2] [--articles-per-day 100000] [--parallel 16] [--websub-share 0.5]</c>:
/// a simulated world of outlets on loopback publishing at random times, followed by the real pipeline (SQLite,
/// Apertium, the site); per article, from the first feed response listing it (processing) and from its publication,
/// to its translated page being served by the site. A share of the outlets name a WebSub hub of the world in their
/// feeds and ping it when they publish; the site has a public URL, so it subscribes and takes their pushes (and still
/// polls them); their publication latency is reported apart. Nothing is published during the first
/// <c>--warmup</c> seconds (default 10), while the site starts, makes its first pass and subscribes, and the
/// translation engine is started, so that the figures are those of a running site. After the last publication the site
/// gets up to <c>--drain</c> seconds (default 60) to store what it has not yet; only what is still missing then counts
/// as lost. <c>--sweep [R1,R2,...]</c> runs once per rate and reports where processing latency starts to grow.
/// </summary>
internal static class LatencyBench
{
    /// <summary>Rates a <c>--sweep</c> steps through when it names none, in articles a day.</summary>
    private static readonly int[] SweepRates = [250_000, 500_000, 1_000_000, 2_000_000, 4_000_000];

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var outlets = context.Number("outlets", 200);
        var length = TimeSpan.FromMinutes(context.Decimal("minutes", 2));
        var parallel = context.Number("parallel", 16);
        var webSubShare = context.Decimal("websub-share", 0.5);
        var hubOutlets = (int)Math.Round(Math.Clamp(webSubShare, 0, 1) * outlets);
        var warmup = TimeSpan.FromSeconds(context.Number("warmup", 10));
        var drain = TimeSpan.FromSeconds(context.Number("drain", 60));
        if (!context.Has("sweep"))
        {
            var run = await RunOnceAsync(outlets, context.Number("articles-per-day", 100_000), length, parallel, hubOutlets, warmup, drain, context, cancellationToken);
            Report(run);
            return 0;
        }

        var steps = new List<LatencyStep>();
        foreach (var rate in SweepSteps(context.Option("sweep")))
        {
            var run = await RunOnceAsync(outlets, rate, length, parallel, hubOutlets, warmup, drain, context, cancellationToken);
            var step = new LatencyStep(rate, Percentile(run.Processing, 50), Percentile(run.Processing, 95), run.Served.Count / (double)Math.Max(1, run.World.Schedule.Count),
                run.World.Schedule.Count / length.TotalMinutes, run.Audit.Lost, run.Audit.Duplicated);
            steps.Add(step);
            Console.WriteLine(step.Line);
        }

        var knee = LatencyStep.Knee(steps);
        Console.WriteLine(knee is null
            ? "knee: processing latency did not grow over the rates tried"
            : $"knee: processing latency starts to grow at {knee.PerDay} articles/day ({knee.PublishedPerMinute:0} a minute): p95 {knee.ProcessingP95:0.00} s against {steps.Min(s => s.ProcessingP95):0.00} s at the lowest rate");
        BenchCommand.Summary(
            ("steps", steps.Count), ("knee_per_day", knee?.PerDay ?? double.NaN),
            ("lost", steps.Sum(s => s.Lost)), ("duplicated", steps.Sum(s => s.Duplicated)));
        return 0;
    }

    /// <summary>The rates of <c>--sweep [R1,R2,...]</c>, ascending; the default steps for a bare <c>--sweep</c>.</summary>
    /// <exception cref="BenchUsageException">A rate is not a positive whole number.</exception>
    private static IReadOnlyList<int> SweepSteps(string? list) =>
        string.IsNullOrEmpty(list) ? SweepRates
        : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate
                : throw new BenchUsageException($"--sweep takes rates in articles a day separated by commas, not '{r}'"))
            .Order().ToList();

    /// <summary>One run of the world at <paramref name="perDay"/> articles a day, followed by the site.</summary>
    private static async Task<LatencyRun> RunOnceAsync(int outlets, int perDay, TimeSpan length, int parallel, int hubOutlets, TimeSpan warmup, TimeSpan drain,
        BenchContext context, CancellationToken cancellationToken)
    {
        var schedule = SimulatedWorld.Plan(outlets, perDay, length, seed: 5, quiet: warmup);
        var folder = Directory.CreateTempSubdirectory("foreigndesk-latency-").FullName;
        Console.WriteLine($"world: {outlets} outlets on 127.x.y.1, {perDay} articles/day ({schedule.Count} in {length.TotalMinutes:0.#} min after a {warmup.TotalSeconds:0} s warm-up), feeds of the newest {SimulatedWorld.FeedSize}");
        Console.WriteLine($"pipeline: {WorldFollowing.Description}, Jobs:Workers {parallel}");
        Console.WriteLine($"websub: {hubOutlets} outlets name a hub on 127.0.0.1 and ping it on publication; the site subscribes at its public URL (and still polls them)");
        try
        {
            await using var hub = await LocalHub.StartAsync(cancellationToken);
            await using var world = await SimulatedWorld.StartAsync(outlets, schedule, hubOutlets > 0 ? hub.Url : null, hubOutlets, cancellationToken);
            var site = $"http://127.0.0.1:{LoopbackPort.Free()}";
            await using var app = context.Compose(folder, urls: site, runPipeline: true, settings: WorldFollowing.Settings(parallel, site));
            await context.PrepareStoreAsync(app.Services, cancellationToken);
            var store = app.Services.GetRequiredService<IArticleStore>();
            await WorldFollowing.FollowAsync(store, world, cancellationToken);

            await app.StartAsync(cancellationToken);
            await WorldFollowing.WarmUpTranslationAsync(app.Services, cancellationToken);
            using var browser = new HttpClient { BaseAddress = new Uri(site) };
            var watcher = new SiteWatcher(store, browser);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watching = watcher.RunAsync(stop.Token);
            var pinging = world.RunPingsAsync(stop.Token);
            var clock = Stopwatch.StartNew();
            var end = warmup + length;
            await context.WaitAsync("the run", end - TimeProvider.System.GetElapsedTime(world.StartTimestamp), cancellationToken);
            await DrainAsync(store, world, end, drain, cancellationToken);
            await stop.CancelAsync();
            await watching;
            await pinging.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var subscribed = hub.Subscribers.Count;
            await app.StopAsync(CancellationToken.None);

            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            var audit = await WorldFollowing.AuditAsync(store, world, end, cancellationToken);
            Console.WriteLine($"hub: {subscribed} verified subscriptions, {hub.FailedDeliveries} failed deliveries");
            return new LatencyRun(world, watcher.Served, clock.Elapsed, peakMb, audit);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// After the last publication, gives the site up to <paramref name="drain"/> to store what it has not yet, so that an
    /// article late on a busy machine is told apart from one lost (the audit comes after).
    /// </summary>
    private static async Task DrainAsync(IArticleStore store, SimulatedWorld world, TimeSpan end, TimeSpan drain, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while ((await WorldFollowing.AuditAsync(store, world, end, cancellationToken)).Lost is var missing and > 0)
        {
            if (waited.Elapsed >= drain)
            {
                Console.WriteLine($"drain: {missing} articles still not stored {drain.TotalSeconds:0} s after the last publication");
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }

        if (waited.Elapsed > TimeSpan.FromSeconds(1)) Console.WriteLine($"drain: every article stored {waited.Elapsed.TotalSeconds:0} s after the last publication");
    }

    private static void Report(LatencyRun run)
    {
        var (world, served) = (run.World, run.Served);
        var slowest = served.Where(s => s.Index is not null)
            .Select(s => (Index: s.Index!.Value, Latency: TimeProvider.System.GetElapsedTime(world.StartTimestamp, s.ServedAt) - world.Schedule[s.Index!.Value].PublishedAt))
            .OrderByDescending(s => s.Latency).Take(5)
            .Select(s => $"#{s.Index} ({(world.NamesHub(world.Schedule[s.Index].Outlet) ? "websub" : "polled")}, published at {world.Schedule[s.Index].PublishedAt.TotalSeconds:0.0} s"
                + $"{(world.FirstListed(s.Index) is { } l ? $", listed +{(TimeProvider.System.GetElapsedTime(world.StartTimestamp, l) - world.Schedule[s.Index].PublishedAt).TotalSeconds:0.00} s" : "")}, served +{s.Latency.TotalSeconds:0.00} s)");
        Console.WriteLine($"slowest: {string.Join("; ", slowest)}");
        var (processing, publication, pushed) = (run.Processing, run.Publication, run.Pushed);
        var perMinute = served.Count / run.Ran.TotalMinutes;
        Console.WriteLine($"served: {served.Count} translated pages in {run.Ran.TotalSeconds:0} s ({perMinute:0.0} per minute); published: {world.Schedule.Count}");
        Console.WriteLine($"processing (feed listing -> page served): p50 {Percentile(processing, 50):0.00} s, p95 {Percentile(processing, 95):0.00} s, p99 {Percentile(processing, 99):0.00} s, max {processing.LastOrDefault():0.00} s");
        Console.WriteLine($"publication, polled outlets ({publication.Count} pages; publish -> page served): p50 {Percentile(publication, 50):0.00} s, p95 {Percentile(publication, 95):0.00} s, p99 {Percentile(publication, 99):0.00} s");
        Console.WriteLine($"publication, WebSub outlets ({pushed.Count} pages; publish -> hub ping -> push -> page served): p50 {Percentile(pushed, 50):0.00} s, p95 {Percentile(pushed, 95):0.00} s, p99 {Percentile(pushed, 99):0.00} s, max {pushed.LastOrDefault():0.00} s");
        Console.WriteLine($"peak working set {run.PeakMb:0} MB (this process: world, site and pipeline; Apertium runs in its own processes); lost {run.Audit.Lost}, duplicated {run.Audit.Duplicated}");
        BenchCommand.Summary(
            ("processing_p50_s", Percentile(processing, 50)), ("processing_p95_s", Percentile(processing, 95)), ("processing_p99_s", Percentile(processing, 99)),
            ("publication_p95_s", Percentile(publication, 95)), ("websub_publication_p50_s", Percentile(pushed, 50)),
            ("websub_publication_p95_s", Percentile(pushed, 95)), ("websub_publication_p99_s", Percentile(pushed, 99)),
            ("articles_per_min", perMinute), ("peak_mb", run.PeakMb),
            ("lost", run.Audit.Lost), ("duplicated", run.Audit.Duplicated));
    }

    private static double Percentile(IReadOnlyList<double> sorted, int percent) => LatencyRun.Percentile(sorted, percent);
}
