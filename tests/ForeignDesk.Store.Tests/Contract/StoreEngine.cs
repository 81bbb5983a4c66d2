using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// An engine the contract suite runs on: the configuration that <see cref="StoreServiceCollectionExtensions.AddStore"/>
/// reads to choose it, on a fresh, empty store for each test.
/// </summary>
public abstract class StoreEngine
{
    /// <summary>A fresh store's settings (the <c>ForeignDesk</c> section), its data folder, and what removes it afterwards.</summary>
    public abstract Task<(Dictionary<string, string?> Settings, string DataDirectory, Func<ValueTask> Remove)> CreateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets the clock of the store's server to <paramref name="now"/>, where the store reads one of its own (PostgreSQL's
    /// <c>store_now_ms()</c>, which the job queue runs on); nothing where the store reads the process's clock (SQLite).
    /// </summary>
    public virtual Task SetServerClockAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// What a role holder's death does to the store at once: on PostgreSQL its session ends (its advisory locks with it);
    /// on SQLite nothing (its lease row stays until it expires).
    /// </summary>
    public virtual Task EndRoleHoldersAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The embedded store: a SQLite file in a temporary folder.</summary>
public sealed class SqliteEngine : StoreEngine
{
    public override Task<(Dictionary<string, string?>, string, Func<ValueTask>)> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("foreigndesk-contract-").FullName;
        return Task.FromResult<(Dictionary<string, string?>, string, Func<ValueTask>)>(
            (new() { ["Store:Provider"] = "Sqlite" }, folder, () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return ValueTask.CompletedTask;
            }));
    }
}

/// <summary>A database of its own on the throwaway cluster; skips the test when there is no cluster.</summary>
public sealed class PostgresEngine(PostgresCluster cluster) : StoreEngine
{
    public override async Task<(Dictionary<string, string?>, string, Func<ValueTask>)> CreateAsync(CancellationToken cancellationToken)
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        _connectionString = await cluster.CreateDatabaseAsync(cancellationToken);
        return (new() { ["Store:Provider"] = "PostgreSQL", ["Store:ConnectionString"] = _connectionString }, "/nonexistent", () => ValueTask.CompletedTask);
    }

    private string? _connectionString;

    /// <summary>A connection of the test's own, outside any pool, so that none stays open after the test.</summary>
    private async Task<NpgsqlConnection> OpenUnpooledAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString ?? throw new InvalidOperationException("no database yet"))
        {
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async Task EndRoleHoldersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenUnpooledAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        // A terminated backend ends, and lets its locks go, a moment later.
        command.CommandText = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        while (await command.ExecuteScalarAsync(cancellationToken) is long held && held > 0) await Task.Delay(20, cancellationToken);
    }

    /// <summary>Replaces the migrated <c>store_now_ms()</c> of the test's database with one that reads a row the test sets.</summary>
    public override async Task SetServerClockAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenUnpooledAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS test_clock (ms bigint NOT NULL);
            DELETE FROM test_clock;
            INSERT INTO test_clock VALUES (@ms);
            CREATE OR REPLACE FUNCTION store_now_ms() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT ms FROM test_clock $$;
            """, connection);
        command.Parameters.AddWithValue("ms", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
