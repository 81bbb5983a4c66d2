using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace ForeignDesk.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: <c>initdb</c> into a temporary folder, the server started on a free
/// 127.0.0.1 port (as the <c>postgres</c> user when the tests run as root, which PostgreSQL refuses), one database per
/// test, and the server stopped and the folder deleted at the end. A test that owns its cluster may stop it and start
/// it again on the same port (<see cref="StopAsync"/>, <see cref="StartAsync"/>) to play an outage. Without the binaries (Debian's <c>postgresql</c>,
/// which <c>scripts/install-packages.sh test</c> installs) the PostgreSQL tests skip with <see cref="Unavailable"/>.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string User = "foreigndesk";
    private string? _folder;
    private string? _bin;
    private int _databases;
    private int _port;

    /// <summary>Why there is no cluster; null once it runs.</summary>
    public string? Unavailable { get; private set; } = "the cluster has not started";

    private string? _adminConnection;

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        if (_bin is null)
        {
            Unavailable = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/install-packages.sh test.";
            return;
        }
        _folder = Directory.CreateTempSubdirectory("foreigndesk-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:", _folder], asPostgres: false);
        await RunAsync(Path.Combine(_bin, "initdb"),
            ["-D", DataFolder, "-U", User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        _port = FreePort();
        await StartAsync();
        _adminConnection = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = _port, Username = User, Database = "postgres", Pooling = false,
        }.ConnectionString;
        Unavailable = null;
    }

    private string DataFolder => Path.Combine(_folder!, "data");

    /// <summary>Starts the server on its port and waits until it accepts connections.</summary>
    public Task StartAsync() =>
        // Durability is not what these tests are about: no fsync makes creating a database per test cheap.
        RunAsync(Path.Combine(_bin!, "pg_ctl"),
            ["start", "-w", "-D", DataFolder, "-l", Path.Combine(_folder!, "server.log"), "-o",
                $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"],
            Environment.UserName == "root");

    /// <summary>Stops the server as an operator would (<c>pg_ctl stop -m fast</c>: sessions cut, transactions rolled back).</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(_bin!, "pg_ctl"), ["stop", "-m", "fast", "-w", "-D", DataFolder], Environment.UserName == "root");

    /// <summary>A new, empty database on the cluster, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        if (Unavailable is not null) throw new InvalidOperationException(Unavailable);
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(_adminConnection))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_adminConnection is not null)
                await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["stop", "-m", "immediate", "-w", "-D", DataFolder],
                    Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end (as <c>postgres</c> through runuser when asked); a failure throws with its output.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
