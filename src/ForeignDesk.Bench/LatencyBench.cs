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
/// translation engine is started, so that the figures are those of a running site.
/// </summary>
internal static class LatencyBench
{
    /// <summary>Articles published less than this before the end may still be on their way; they are not counted as lost.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var outlets = context.Number("outlets", 200);
        var length = TimeSpan.FromMinutes(double.Parse(context.Option("minutes") ?? "2", CultureInfo.InvariantCulture));
        var perDay = context.Number("articles-per-day", 100_000);
        var parallel = context.Number("parallel", 16);
        var webSubShare = double.Parse(context.Option("websub-share") ?? "0.5", CultureInfo.InvariantCulture);
        var hubOutlets = (int)Math.Round(Math.Clamp(webSubShare, 0, 1) * outlets);
        var warmup = TimeSpan.FromSeconds(context.Number("warmup", 10));
        var schedule = SimulatedWorld.Plan(outlets, perDay, length, seed: 5, quiet: warmup);
        var folder = Directory.CreateTempSubdirectory("foreigndesk-latency-").FullName;
        Console.WriteLine($"world: {outlets} outlets on 127.x.y.1, {perDay} articles/day ({schedule.Count} in {length.TotalMinutes:0.#} min after a {warmup.TotalSeconds:0} s warm-up), feeds of the newest {SimulatedWorld.FeedSize}");
        Console.WriteLine($"pipeline: Fetch:MinDelayPerHost 100 ms, Pipeline:PollInterval 2 s, MinPollInterval 2 s, MaxPollInterval 5 s, ParallelSources {parallel}");
        Console.WriteLine($"websub: {hubOutlets} outlets name a hub on 127.0.0.1 and ping it on publication; the site subscribes at its public URL (and still polls them)");
        try
        {
            await using var hub = await LocalHub.StartAsync(cancellationToken);
            await using var world = await SimulatedWorld.StartAsync(outlets, schedule, hubOutlets > 0 ? hub.Url : null, hubOutlets, cancellationToken);
            var site = $"http://127.0.0.1:{FreePort()}";
            await using var app = context.Compose(folder, urls: site, runPipeline: true,
                settings: new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
                    ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00.100",
                    ["ForeignDesk:Sources:DefaultFile"] = "",
                    ["ForeignDesk:Pipeline:PollInterval"] = "00:00:02",
                    ["ForeignDesk:Pipeline:MinPollInterval"] = "00:00:02",
                    ["ForeignDesk:Pipeline:MaxPollInterval"] = "00:00:05",
                    ["ForeignDesk:Pipeline:ParallelSources"] = parallel.ToString(CultureInfo.InvariantCulture),
                    ["ForeignDesk:Site:PublicUrl"] = site,
                });
            await context.PrepareStoreAsync(app.Services, cancellationToken);
            var store = app.Services.GetRequiredService<IArticleStore>();
            for (var o = 0; o < outlets; o++)
            {
                var home = world.Home(o);
                await store.AddSourceAsync(new SourceDraft(SimulatedWorld.OutletName(o), home, [world.FeedUrl(o)], "es", "News/World", "Europe/Madrid"), cancellationToken);
            }

            await app.StartAsync(cancellationToken);
            await WarmUpTranslationAsync(app.Services, cancellationToken);
            using var browser = new HttpClient { BaseAddress = new Uri(site) };
            var watcher = new SiteWatcher(store, browser);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watching = watcher.RunAsync(stop.Token);
            var pinging = world.RunPingsAsync(stop.Token);
            var clock = Stopwatch.StartNew();
            var end = warmup + length;
            await Task.Delay(end - TimeProvider.System.GetElapsedTime(world.StartTimestamp), cancellationToken);
            await stop.CancelAsync();
            await watching;
            await pinging.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var subscribed = hub.Subscribers.Count;
            await app.StopAsync(CancellationToken.None);

            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            var (lost, duplicated) = await AuditAsync(store, world, end, cancellationToken);
            Console.WriteLine($"hub: {subscribed} verified subscriptions, {hub.FailedDeliveries} failed deliveries");
            Report(world, watcher.Served, clock.Elapsed, peakMb, lost, duplicated);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Report(SimulatedWorld world, IReadOnlyCollection<(int? Index, long ServedAt)> served, TimeSpan ran, double peakMb, int lost, int duplicated)
    {
        var processing = new List<double>();
        var publication = new List<double>();
        var pushed = new List<double>();
        foreach (var (index, servedAt) in served)
        {
            if (index is not { } i) continue;
            var article = world.Schedule[i];
            (world.NamesHub(article.Outlet) ? pushed : publication)
                .Add((TimeProvider.System.GetElapsedTime(world.StartTimestamp, servedAt) - article.PublishedAt).TotalSeconds);
            if (world.FirstListed(i) is { } listed) processing.Add(TimeProvider.System.GetElapsedTime(listed, servedAt).TotalSeconds);
        }

        var slowest = served.Where(s => s.Index is not null)
            .Select(s => (Index: s.Index!.Value, Latency: TimeProvider.System.GetElapsedTime(world.StartTimestamp, s.ServedAt) - world.Schedule[s.Index!.Value].PublishedAt))
            .OrderByDescending(s => s.Latency).Take(5)
            .Select(s => $"#{s.Index} ({(world.NamesHub(world.Schedule[s.Index].Outlet) ? "websub" : "polled")}, published at {world.Schedule[s.Index].PublishedAt.TotalSeconds:0.0} s"
                + $"{(world.FirstListed(s.Index) is { } l ? $", listed +{(TimeProvider.System.GetElapsedTime(world.StartTimestamp, l) - world.Schedule[s.Index].PublishedAt).TotalSeconds:0.00} s" : "")}, served +{s.Latency.TotalSeconds:0.00} s)");
        Console.WriteLine($"slowest: {string.Join("; ", slowest)}");
        processing.Sort();
        publication.Sort();
        pushed.Sort();
        var perMinute = served.Count / ran.TotalMinutes;
        Console.WriteLine($"served: {served.Count} translated pages in {ran.TotalSeconds:0} s ({perMinute:0.0} per minute); published: {world.Schedule.Count}");
        Console.WriteLine($"processing (feed listing -> page served): p50 {Percentile(processing, 50):0.00} s, p95 {Percentile(processing, 95):0.00} s, p99 {Percentile(processing, 99):0.00} s, max {processing.LastOrDefault():0.00} s");
        Console.WriteLine($"publication, polled outlets ({publication.Count} pages; publish -> page served): p50 {Percentile(publication, 50):0.00} s, p95 {Percentile(publication, 95):0.00} s, p99 {Percentile(publication, 99):0.00} s");
        Console.WriteLine($"publication, WebSub outlets ({pushed.Count} pages; publish -> hub ping -> push -> page served): p50 {Percentile(pushed, 50):0.00} s, p95 {Percentile(pushed, 95):0.00} s, p99 {Percentile(pushed, 99):0.00} s, max {pushed.LastOrDefault():0.00} s");
        Console.WriteLine($"peak working set {peakMb:0} MB (this process: world, site and pipeline; Apertium runs in its own processes); lost {lost}, duplicated {duplicated}");
        BenchCommand.Summary(
            ("processing_p50_s", Percentile(processing, 50)), ("processing_p95_s", Percentile(processing, 95)), ("processing_p99_s", Percentile(processing, 99)),
            ("publication_p95_s", Percentile(publication, 95)), ("websub_publication_p50_s", Percentile(pushed, 50)),
            ("websub_publication_p95_s", Percentile(pushed, 95)), ("websub_publication_p99_s", Percentile(pushed, 99)),
            ("articles_per_min", perMinute), ("peak_mb", peakMb),
            ("lost", lost), ("duplicated", duplicated));
    }

    /// <summary>Every article published more than <see cref="Grace"/> before the end must be stored exactly once.</summary>
    private static async Task<(int Lost, int Duplicated)> AuditAsync(IArticleStore store, SimulatedWorld world, TimeSpan length, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<int, int>();
        foreach (var id in await store.AllArticleIdsAsync(cancellationToken))
        {
            if (await store.GetArticleAsync(id, cancellationToken) is { } article && SpanishNewsWriter.IndexOf(article.Url) is { } index)
                stored[index] = stored.GetValueOrDefault(index) + 1;
        }

        var lost = world.Schedule.Count(a => a.PublishedAt < length - Grace && !stored.ContainsKey(a.Index));
        return (lost, stored.Values.Count(c => c > 1));
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Starts the Spanish engine (Apertium's processes) the way a running site has it started already.</summary>
    private static async Task WarmUpTranslationAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<Ingest.Translate.EngineSelector>().Select("es") is { } choice)
            await choice.Engine.TranslateAsync(new TranslationRequest("es", "en", ["El Gobierno anunció un nuevo plan."], SegmentFormat.Text), cancellationToken);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
