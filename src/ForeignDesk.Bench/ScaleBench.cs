using System.Diagnostics;
using System.Globalization;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench scale --connection-string CS [--workers 1,2,4] [--outlets 10] [--articles-per-outlet 20]</c>: for each
/// worker count, a fresh PostgreSQL database (dropped afterwards), the simulated outlets of the latency bench (every article published at
/// the start), and that many real <c>worker</c> processes on it. It prints how fast the articles are stored (fetched,
/// extracted and indexed) and how fast they are translated (Apertium) and placed, in articles a minute.
/// </summary>
internal static class ScaleBench
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var server = context.Option("connection-string")
            ?? throw new BenchUsageException("bench scale needs a PostgreSQL server on which it may create databases: --connection-string 'Host=127.0.0.1;Port=5432;Username=…'");
        var counts = (context.Option("workers") ?? "1,2,4").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 16 ? n
                : throw new BenchUsageException($"--workers takes worker counts from 1 to 16, such as 1,2,4, not '{w}'"))
            .ToArray();
        var outlets = Math.Max(1, context.Number("outlets", 10));
        var perOutlet = Math.Clamp(context.Number("articles-per-outlet", SimulatedWorld.FeedSize), 1, SimulatedWorld.FeedSize);
        var schedule = Enumerable.Range(0, outlets * perOutlet).Select(i => new WorldArticle(i, i % outlets, TimeSpan.Zero)).ToArray();
        Console.WriteLine($"world: {outlets} outlets on 127.x.y.1, {schedule.Length} articles published at the start");
        Console.WriteLine($"workers: separate processes on one PostgreSQL database each run; {WorldFollowing.Description}");

        await using var world = await SimulatedWorld.StartAsync(outlets, schedule, null, 0, cancellationToken);
        var figures = new List<(string, double)>();
        foreach (var workers in counts)
        {
            var run = await RunOnceAsync(context, server, world, schedule.Length, workers, cancellationToken);
            var stored = PerMinute(schedule.Length, run.Stored);
            var placed = PerMinute(schedule.Length, run.Placed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workers {workers}: stored {run.StoredCount}/{schedule.Length} in {Seconds(run.Stored)}, {stored:0.#}/min; translated and placed in {Seconds(run.Placed)}, {placed:0.#}/min ({placed / workers:0.#}/min a worker)"));
            figures.Add(($"stored_per_min_{workers}", stored));
            figures.Add(($"placed_per_min_{workers}", placed));
        }

        BenchCommand.Summary([.. figures]);
        return 0;
    }

    private sealed record Run(int StoredCount, TimeSpan? Stored, TimeSpan? Placed);

    private static async Task<Run> RunOnceAsync(BenchContext context, string server, SimulatedWorld world, int articles, int workers, CancellationToken cancellationToken)
    {
        var database = $"foreigndesk_scale_{workers}_{Environment.ProcessId}";
        await AdministerAsync(server, cancellationToken, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database} ENCODING 'UTF8' TEMPLATE template0");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("foreigndesk-scale-").FullName;
        var settings = WorldFollowing.Settings(4, null);
        settings["ForeignDesk:Store:Provider"] = "PostgreSQL";
        settings["ForeignDesk:Store:ConnectionString"] = connectionString;
        var processes = new List<Process>();
        try
        {
            await using var view = context.Compose(folder, settings: settings);
            await context.PrepareStoreAsync(view.Services, cancellationToken);
            var store = view.Services.GetRequiredService<IArticleStore>();
            var jobs = view.Services.GetRequiredService<IJobQueue>();
            await WorldFollowing.FollowAsync(store, world, cancellationToken);

            var clock = Stopwatch.StartNew();
            for (var w = 0; w < workers; w++) processes.Add(StartWorker(folder, settings));
            TimeSpan? stored = null, placed = null;
            var count = 0;
            while (placed is null && clock.Elapsed < Limit)
            {
                await Task.Delay(500, cancellationToken);
                if (processes.FirstOrDefault(p => p.HasExited) is { } ended)
                    throw new InvalidOperationException($"a worker exited with {ended.ExitCode} (run it alone to see why: foreigndesk worker)");
                count = (await store.AllArticleIdsAsync(cancellationToken)).Count;
                if (count >= articles) stored ??= clock.Elapsed;
                var queue = await jobs.CountsAsync(cancellationToken);
                if (stored is not null && queue.Queued + queue.Running + queue.Failed == 0 && await store.UntranslatedAsync(1, cancellationToken) is []) placed = clock.Elapsed;
            }
            return new Run(count, stored, placed);
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            await AdministerAsync(server, CancellationToken.None, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>A <c>worker</c> process on the run's store, its output (warnings and errors) dropped.</summary>
    private static Process StartWorker(string folder, IReadOnlyDictionary<string, string?> settings)
    {
        var info = ThisProgram.StartInfo(["worker", "--data", folder, "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}"]);
        foreach (var (name, value) in settings) info.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a worker");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <paramref name="statements"/> (creating or dropping a run's database) on the server's <c>postgres</c> database.</summary>
    private static async Task AdministerAsync(string server, CancellationToken cancellationToken, params string[] statements)
    {
        NpgsqlConnectionStringBuilder admin;
        try
        {
            admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        }
        catch (ArgumentException ex)
        {
            throw new BenchUsageException($"--connection-string cannot be read: {ex.Message}");
        }
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new BenchUsageException($"the PostgreSQL server at {admin.Host}:{admin.Port} cannot be reached: {ex.Message}");
        }
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static double PerMinute(int articles, TimeSpan? took) => took is { } t ? articles / t.TotalMinutes : 0;

    private static string Seconds(TimeSpan? took) => took is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s") : "not within 15 min";
}
