using System.Diagnostics;
using ForeignDesk.Bench.Web;
using Npgsql;

namespace ForeignDesk.Bench.Postgres;

/// <summary>
/// A PostgreSQL cluster for one bench run: Debian's newest installed binaries (<c>postgresql</c>), <c>initdb</c> into a
/// temporary folder, the server on a free 127.0.0.1 port (run as the <c>postgres</c> user when the bench runs as root,
/// which PostgreSQL refuses), durability off (a bench's data is thrown away), and the server stopped and its folder
/// deleted at the end.
/// </summary>
internal sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string User = "foreigndesk";
    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayCluster(string bin, string folder, string connectionString)
    {
        _bin = bin;
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The major version, from the binaries' folder (<c>/usr/lib/postgresql/17/bin</c>).</summary>
    public string Version => Path.GetFileName(Path.GetDirectoryName(_bin)) ?? "";

    /// <summary>The CPU time of the server's processes (the postmaster and its living backends); null where it is not running.</summary>
    public TimeSpan? ServerCpu() =>
        ProcessCpu.Find("postgres", DataFolder) is { } postmaster ? ProcessCpu.Of(postmaster, withChildren: true) : null;

    private static bool AsRoot => Environment.UserName == "root";

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<ThrowawayCluster> StartAsync(CancellationToken cancellationToken)
    {
        var bin = (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault()
            ?? throw new BenchUsageException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's postgresql, or give --connection-string CS");
        var folder = Directory.CreateTempSubdirectory("foreigndesk-bench-pg-").FullName;
        var port = LoopbackPort.Free();
        var cluster = new ThrowawayCluster(bin, folder, new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = User, Database = "postgres",
        }.ConnectionString);
        try
        {
            if (AsRoot) await RunAsync("chown", ["postgres:", folder], asPostgres: false, cancellationToken);
            await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", cluster.DataFolder, "-U", User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], AsRoot, cancellationToken);
            await RunAsync(Path.Combine(bin, "pg_ctl"),
                ["start", "-w", "-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-o",
                    $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=256MB " +
                    "-c maintenance_work_mem=256MB -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off"],
                AsRoot, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-m", "immediate", "-w", "-D", DataFolder], AsRoot, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Runs a program to its end (as <c>postgres</c> through runuser when asked); a failure throws with its output.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
