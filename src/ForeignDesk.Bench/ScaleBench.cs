using System.Diagnostics;
using System.Globalization;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Bench.Postgres;
using ForeignDesk.Bench.Scale;
using ForeignDesk.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench scale [--store sqlite|postgres] [--connection-string CS] [--workers 1,2,4] [--translation both|without|with]
/// [--outlets 50] [--articles-per-outlet 20]</c>: for each worker count, a fresh store (the SQLite file of a new data
/// folder, or a new PostgreSQL database on CS or on a throwaway local cluster, dropped afterwards), the simulated
/// outlets of the latency bench (every article published at the start), and that many real <c>worker</c> processes on
/// it. Without translation (no engine routed: articles are stored, extracted and indexed, then await an engine) it
/// prints the ingest rate in articles a second; with translation (Apertium) also how fast they are translated and
/// placed; and for both, how long jobs waited in the queue (p50, p99).
/// </summary>
internal static class ScaleBench
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var engine = context.Option("store") ?? "postgres";
        if (engine is not ("sqlite" or "postgres")) throw new BenchUsageException($"--store takes sqlite or postgres, not '{engine}'");
        if (engine == "sqlite" && context.Has("connection-string")) throw new BenchUsageException("--connection-string goes with --store postgres");
        bool[] translating = (context.Option("translation") ?? "both") switch
        {
            "both" => [false, true],
            "without" => [false],
            "with" => [true],
            var other => throw new BenchUsageException($"--translation takes both, without or with, not '{other}'"),
        };
        var counts = (context.Option("workers") ?? "1,2,4").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 16 ? n
                : throw new BenchUsageException($"--workers takes worker counts from 1 to 16, such as 1,2,4, not '{w}'"))
            .ToArray();
        var outlets = Math.Max(1, context.Number("outlets", 50));
        var perOutlet = Math.Clamp(context.Number("articles-per-outlet", SimulatedWorld.FeedSize), 1, SimulatedWorld.FeedSize);
        var schedule = Enumerable.Range(0, outlets * perOutlet).Select(i => new WorldArticle(i, i % outlets, TimeSpan.Zero)).ToArray();

        await using var postgres = engine == "postgres" ? await BenchPostgres.OpenAsync(context, cancellationToken) : null;
        Console.WriteLine($"store: {postgres?.Description ?? "SQLite, the file of a new data folder per run"}");
        Console.WriteLine($"world: {outlets} outlets on 127.x.y.1, {schedule.Length} articles published at the start");
        Console.WriteLine($"workers: separate processes on one store each run, Jobs:Workers 4 each; {WorldFollowing.Description}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {BenchCommand.LoadAverage()}");

        await using var world = await SimulatedWorld.StartAsync(outlets, schedule, null, 0, cancellationToken);
        var figures = new List<(string, double)>();
        foreach (var translate in translating)
        {
            foreach (var workers in counts)
            {
                var run = await RunOnceAsync(context, postgres, world, schedule.Length, workers, translate, cancellationToken);
                var all = run.Waits.Values.SelectMany(w => w).Order().ToList();
                var (p50, p99) = (LatencyRun.Percentile(all, 50), LatencyRun.Percentile(all, 99));
                var prefix = translate ? "tr_" : "";
                var placedText = translate
                    ? string.Create(CultureInfo.InvariantCulture, $"; translated and placed in {Seconds(run.Placed)}, {PerSecond(schedule.Length, run.Placed) * 60:0.#}/min")
                    : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(translate ? "with" : "without")} translation, workers {workers}: stored {run.StoredCount}/{schedule.Length} in {Seconds(run.Stored)} from the workers' start, {PerSecond(schedule.Length, run.Stored):0.#}/s; first to last stored {run.Span.TotalSeconds:0.00} s, {run.SteadyRate:0.#}/s{placedText}"));
                var byKind = string.Join(", ", run.Waits.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w =>
                    string.Create(CultureInfo.InvariantCulture, $"{w.Key} p50 {LatencyRun.Percentile(w.Value, 50):0} p99 {LatencyRun.Percentile(w.Value, 99):0} ({w.Value.Count})")));
                var cpuPerArticle = run.StoredCpu.TotalMilliseconds / schedule.Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  workers' CPU until the last stored: {run.StoredCpu.TotalSeconds:0.0} s, {cpuPerArticle:0.0} ms an article; until the first stored {run.StartCpu.TotalSeconds:0.0} s, then {run.SteadyCpu.TotalMilliseconds:0.0} ms an article"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  queue wait (due to leased): p50 {p50:0} ms, p99 {p99:0} ms over {all.Count} leases; {byKind}"));
                figures.Add(($"{prefix}stored_per_s_{workers}", Math.Round(PerSecond(schedule.Length, run.Stored), 1)));
                figures.Add(($"{prefix}steady_per_s_{workers}", Math.Round(run.SteadyRate, 1)));
                figures.Add(($"{prefix}cpu_ms_per_article_{workers}", Math.Round(cpuPerArticle, 1)));
                figures.Add(($"{prefix}steady_cpu_ms_per_article_{workers}", Math.Round(run.SteadyCpu.TotalMilliseconds, 1)));
                if (translate) figures.Add(($"tr_placed_per_min_{workers}", Math.Round(PerSecond(schedule.Length, run.Placed) * 60, 1)));
                figures.Add(($"{prefix}queue_p50_ms_{workers}", p50));
                figures.Add(($"{prefix}queue_p99_ms_{workers}", p99));
            }
        }

        BenchCommand.Summary([.. figures]);
        return 0;
    }

    /// <param name="Stored">From the workers' start (their start-up and first poll included) to the last article stored.</param>
    /// <param name="SteadyRate">Articles a second from the first article's first sighting to the last one's.</param>
    /// <param name="StoredCpu">The worker processes' CPU time (user and system, all together) until the last article was stored.</param>
    /// <param name="StartCpu">Their CPU time until the bench first saw an article stored (start-up, first poll).</param>
    /// <param name="SteadyCpu">Their CPU time per article stored from then to the last one.</param>
    private sealed record Run(int StoredCount, TimeSpan? Stored, TimeSpan Span, double SteadyRate, TimeSpan? Placed, TimeSpan StoredCpu,
        TimeSpan StartCpu, TimeSpan SteadyCpu, IReadOnlyDictionary<string, List<double>> Waits);

    private static TimeSpan WorkersCpu(List<Process> processes) =>
        processes.Aggregate(TimeSpan.Zero, (sum, p) => { p.Refresh(); return sum + p.TotalProcessorTime; });

    private static async Task<Run> RunOnceAsync(BenchContext context, BenchPostgres? postgres, SimulatedWorld world, int articles, int workers, bool translate,
        CancellationToken cancellationToken)
    {
        var database = $"foreigndesk_scale_{(translate ? "tr" : "in")}_{workers}_{Environment.ProcessId}";
        var folder = Directory.CreateTempSubdirectory("foreigndesk-scale-").FullName;
        var processes = new List<Process>();
        try
        {
            var store = new ScaleStore(folder, postgres is null ? null : await postgres.CreateDatabaseAsync(database, cancellationToken));
            var settings = WorldFollowing.Settings(4, null);
            store.AddSettings(settings);
            // No engine for any language: the translation step marks each article as awaiting one, at once.
            if (!translate) settings["ForeignDesk:Translate:Routing:default:0"] = ",";
            await using var view = context.Compose(folder, settings: settings);
            await context.PrepareStoreAsync(view.Services, cancellationToken);
            var articleStore = view.Services.GetRequiredService<IArticleStore>();
            var jobs = view.Services.GetRequiredService<IJobQueue>();
            await WorldFollowing.FollowAsync(articleStore, world, cancellationToken);
            await JobWaits.InstallAsync(store, cancellationToken);

            var clock = Stopwatch.StartNew();
            for (var w = 0; w < workers; w++) processes.Add(StartWorker(folder, settings));
            TimeSpan? stored = null, placed = null;
            var storedCpu = TimeSpan.Zero;
            TimeSpan? firstCpu = null;
            long firstCount = 0;
            long count = 0;
            while ((translate ? placed : stored) is null && clock.Elapsed < Limit)
            {
                await Task.Delay(250, cancellationToken);
                if (processes.FirstOrDefault(p => p.HasExited) is { } ended)
                    throw new InvalidOperationException($"a worker exited with {ended.ExitCode} (run it alone to see why: foreigndesk worker)");
                count = (await store.StoredSpanAsync(cancellationToken)).Count;
                if (count > 0 && firstCpu is null) (firstCpu, firstCount) = (WorkersCpu(processes), count);
                if (count >= articles && stored is null)
                {
                    stored = clock.Elapsed;
                    storedCpu = WorkersCpu(processes);
                }
                if (!translate || stored is null) continue;
                var queue = await jobs.CountsAsync(cancellationToken);
                if (queue.Queued + queue.Running + queue.Failed == 0 && await articleStore.UntranslatedAsync(1, cancellationToken) is []) placed = clock.Elapsed;
            }
            var span = await store.StoredSpanAsync(cancellationToken);
            var steady = span.Count > 1 && span.Span > TimeSpan.Zero ? (span.Count - 1) / span.Span.TotalSeconds : 0;
            return new Run((int)count, stored, span.Span, steady, placed, storedCpu, firstCpu ?? TimeSpan.Zero,
                count > firstCount ? (storedCpu - (firstCpu ?? TimeSpan.Zero)) / (count - firstCount) : TimeSpan.Zero, await JobWaits.ReadAsync(store, cancellationToken));
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }
            SqliteConnection.ClearAllPools();
            if (postgres is not null) await postgres.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A <c>worker</c> process on the run's store, run as the worker units run it, its output (warnings and errors) dropped.</summary>
    private static Process StartWorker(string folder, IReadOnlyDictionary<string, string?> settings)
    {
        var info = ThisProgram.StartInfo(["worker", "--data", folder, "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}"]);
        foreach (var (name, value) in ProcessRuntime.Worker) info.Environment[name] = value;
        foreach (var (name, value) in settings) info.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a worker");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static double PerSecond(int articles, TimeSpan? took) => took is { } t ? articles / t.TotalSeconds : 0;

    private static string Seconds(TimeSpan? took) => took is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s") : "not within 15 min";
}
