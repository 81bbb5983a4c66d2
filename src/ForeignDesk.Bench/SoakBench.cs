using System.Diagnostics;
using System.Globalization;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Bench.Soak;
using ForeignDesk.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench soak [--minutes 30] [--outlets 50] [--articles-per-day 50000] [--clients 4] [--pause-ms 50] [--parallel 8]</c>:
/// the site and its pipeline, in a process of their own, follow a simulated world of outlets on loopback (the
/// latency bench's) for the whole run while readers load the home page, articles and searches in a closed loop.
/// Every minute it prints that process's resident memory, managed heap, open file descriptors and threads; at the end,
/// whether each has levelled off (<see cref="Flatness"/>), and the audit: every article published stored exactly once.
/// </summary>
internal static class SoakBench
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken) =>
        context.Option(SoakSite.ServeOption) is { } data ? ServeAsync(context, data, cancellationToken) : SoakAsync(context, cancellationToken);

    private static async Task<int> SoakAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var length = TimeSpan.FromMinutes(Positive(context.Decimal("minutes", 30), "minutes"));
        var outlets = (int)Positive(context.Number("outlets", 50), "outlets");
        var perDay = (int)Positive(context.Number("articles-per-day", 50_000), "articles-per-day");
        var clients = (int)Positive(context.Number("clients", 4), "clients");
        var pause = TimeSpan.FromMilliseconds(Math.Max(0, context.Number("pause-ms", 50)));
        var parallel = (int)Positive(context.Number("parallel", 8), "parallel");
        var sampleEvery = TimeSpan.FromSeconds(Positive(context.Number("sample-seconds", 10), "sample-seconds"));
        var warmup = TimeSpan.FromSeconds(context.Number("warmup", 10));
        var schedule = SimulatedWorld.Plan(outlets, perDay, length, seed: 7, quiet: warmup);
        var folder = Directory.CreateTempSubdirectory("foreigndesk-soak-").FullName;
        Console.WriteLine($"world: {outlets} outlets on 127.x.y.1, {perDay} articles/day ({schedule.Count} in {length.TotalMinutes:0.#} min after a {warmup.TotalSeconds:0} s warm-up)");
        Console.WriteLine($"site: serve with its pipeline in its own process; {WorldFollowing.Description}, Jobs:Workers {parallel}");
        Console.WriteLine($"readers: {clients} in a closed loop on 127.0.0.1 (home 40 %, articles 40 %, search 20 %), {pause.TotalMilliseconds:0} ms between requests");
        try
        {
            await using var world = await SimulatedWorld.StartAsync(outlets, schedule, null, 0, cancellationToken);
            await using var view = context.Compose(folder);
            await context.PrepareStoreAsync(view.Services, cancellationToken);
            var store = view.Services.GetRequiredService<IArticleStore>();
            await WorldFollowing.FollowAsync(store, world, cancellationToken);

            var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
            var load = new PageLoad(url, clients, pause);
            var samples = new List<ProcessSample>();
            var end = warmup + length;
            var exited = false;
            var ran = Stopwatch.StartNew();
            await using (var site = await SoakSite.StartAsync(folder, url, parallel, cancellationToken))
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var loading = load.RunAsync(stop.Token);
                var clock = Stopwatch.StartNew();
                var printed = 0;
                using var soaked = context.Progress.Start("seconds of the run", (long)Math.Ceiling(end.TotalSeconds));
                while (TimeProvider.System.GetElapsedTime(world.StartTimestamp) < end && !(exited = site.HasExited))
                {
                    await Task.Delay(sampleEvery, cancellationToken);
                    soaked.Add((long)sampleEvery.TotalSeconds);
                    if (ProcessSample.Read(site.Id, clock.Elapsed, site.HeapMb) is { } sample) samples.Add(sample);
                    if (clock.Elapsed < (printed + 1) * Minute || samples.Count == 0) continue;
                    printed = (int)(clock.Elapsed / Minute);
                    var stored = (await store.AllArticleIdsAsync(cancellationToken)).Count;
                    var published = schedule.Count(a => a.PublishedAt <= TimeProvider.System.GetElapsedTime(world.StartTimestamp));
                    Console.WriteLine(MinuteLine(printed, samples[^1], stored, published, load));
                }

                await stop.CancelAsync();
                await loading;
            }

            SqliteConnection.ClearAllPools();
            var audit = await WorldFollowing.AuditAsync(store, world, end, cancellationToken);
            return Report(samples, audit, load, ran.Elapsed, exited);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string MinuteLine(int minute, ProcessSample s, int stored, int published, PageLoad load) => string.Create(CultureInfo.InvariantCulture,
        $"minute {minute}: rss {s.RssMb:0} MB, heap {s.HeapMb:0} MB, fds {s.Fds}, threads {s.Threads}; articles stored {stored} of {published} published; "
        + $"requests {load.Requests} ({load.ServerErrors} 5xx, {load.Unavailable} 503, {load.Failures} unanswered)");

    private static int Report(List<ProcessSample> samples, WorldAudit audit, PageLoad load, TimeSpan ran, bool exited)
    {
        if (exited) Console.WriteLine("the site's process ended during the run");
        if (samples.Count == 0) throw new InvalidOperationException("no reading of the site's process was taken");
        // The first minute (start-up, first pass, engine start) is left out of the trend when there is more to go on.
        var steady = samples.Count(s => s.At >= Minute) >= 3 ? samples.Where(s => s.At >= Minute).ToList() : samples;
        List<(double, double)> Series(Func<ProcessSample, double> value) => steady.Select(s => (s.At.TotalMinutes, value(s))).ToList();
        var trends = new[]
        {
            Flatness.Of("rss_mb", Series(s => s.RssMb), share: 0.10, floor: 16),
            Flatness.Of("heap_mb", Series(s => s.HeapMb), share: 0.15, floor: 16),
            Flatness.Of("fds", Series(s => s.Fds), share: 0.05, floor: 8),
            Flatness.Of("threads", Series(s => s.Threads), share: 0.05, floor: 4),
        };
        foreach (var trend in trends) Console.WriteLine(trend);
        if (steady[^1].At - steady[0].At < TimeSpan.FromMinutes(6))
            Console.WriteLine("(less than 6 minutes of steady readings: too short to tell a leak from a warming cache)");
        var flat = !exited && trends.All(t => t.Flat);
        var (first, last) = (steady[0], steady[^1]);
        Console.WriteLine($"articles: {audit.Stored} stored ({audit.Translated} translated), lost {audit.Lost}, duplicated {audit.Duplicated}; "
            + $"requests {load.Requests}: {load.ServerErrors} 5xx, {load.Unavailable} 503, {load.Failures} unanswered");
        BenchCommand.Summary(
            ("minutes", ran.TotalMinutes), ("articles", audit.Stored), ("translated", audit.Translated), ("lost", audit.Lost), ("duplicated", audit.Duplicated),
            ("requests", load.Requests), ("errors_5xx", load.ServerErrors), ("unavailable_503", load.Unavailable),
            ("rss_start_mb", first.RssMb), ("rss_end_mb", last.RssMb), ("heap_start_mb", first.HeapMb), ("heap_end_mb", last.HeapMb),
            ("fds_start", first.Fds), ("fds_end", last.Fds), ("threads_start", first.Threads), ("threads_end", last.Threads),
            ("flat", flat ? 1 : 0));
        return 0;
    }

    /// <summary>
    /// The measured process (<c>bench soak --serve DIR --urls URL</c>): the site and its pipeline composed as
    /// <c>serve</c> composes them, printing its managed heap every ten seconds until it is stopped (SIGTERM). The heap
    /// is read after a full collection, so that it is what the process holds, not garbage not yet collected.
    /// </summary>
    private static async Task<int> ServeAsync(BenchContext context, string data, CancellationToken cancellationToken)
    {
        var urls = context.Option("urls") ?? throw new BenchUsageException($"--{SoakSite.ServeOption} needs --urls");
        await using var app = context.Compose(data, urls, runPipeline: true, WorldFollowing.Settings(context.Number("parallel", 8), publicUrl: null));
        await app.StartAsync(cancellationToken);
        await WorldFollowing.WarmUpTranslationAsync(app.Services, cancellationToken);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(10));
        do Console.WriteLine(SoakSite.HeapLine + (GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture));
        while (await TickAsync(tick, stopping.Token));
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task<bool> TickAsync(PeriodicTimer tick, CancellationToken cancellationToken)
    {
        try
        {
            return await tick.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static double Positive(double value, string name) =>
        value > 0 ? value : throw new BenchUsageException($"--{name} must be more than 0");
}
