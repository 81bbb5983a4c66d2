using Npgsql;

namespace ForeignDesk.Bench.Postgres;

/// <summary>
/// The PostgreSQL server a bench runs on: the one <c>--connection-string CS</c> names (its user may create databases),
/// or else a throwaway cluster of this machine's PostgreSQL binaries on a free port (<see cref="ThrowawayCluster"/>).
/// The bench makes a database of its own on it for each run and drops it afterwards.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly ThrowawayCluster? _cluster;

    private BenchPostgres(string server, ThrowawayCluster? cluster)
    {
        Server = server;
        _cluster = cluster;
    }

    /// <summary>The server's connection string (any database).</summary>
    public string Server { get; }

    /// <summary>Where the server is, in words.</summary>
    public string Description => _cluster is null
        ? $"PostgreSQL at {Host(Server)}"
        : $"a throwaway PostgreSQL {_cluster.Version} cluster at {Host(Server)} (fsync off)";

    /// <summary>The CPU time of the server's processes so far; null for a server elsewhere (<c>--connection-string</c>).</summary>
    public TimeSpan? ServerCpu() => _cluster?.ServerCpu();

    public static async Task<BenchPostgres> OpenAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (context.Option("connection-string") is { } server)
        {
            var postgres = new BenchPostgres(server, null);
            await postgres.AdministerAsync(cancellationToken, "SELECT 1");
            return postgres;
        }
        var cluster = await ThrowawayCluster.StartAsync(cancellationToken);
        return new BenchPostgres(cluster.ConnectionString, cluster);
    }

    /// <summary>A new, empty database named <paramref name="name"/> (dropped first when left by an earlier run); its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await AdministerAsync(cancellationToken, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0");
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await AdministerAsync(CancellationToken.None, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Runs <paramref name="statements"/> on the server's <c>postgres</c> database.</summary>
    private async Task AdministerAsync(CancellationToken cancellationToken, params string[] statements)
    {
        NpgsqlConnectionStringBuilder admin;
        try
        {
            admin = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false };
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

    private static string Host(string server)
    {
        var settings = new NpgsqlConnectionStringBuilder(server);
        return $"{settings.Host}:{settings.Port}";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
