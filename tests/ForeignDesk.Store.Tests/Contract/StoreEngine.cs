using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
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
        var connectionString = await cluster.CreateDatabaseAsync(cancellationToken);
        return (new() { ["Store:Provider"] = "PostgreSQL", ["Store:ConnectionString"] = connectionString }, "/nonexistent", () => ValueTask.CompletedTask);
    }
}
