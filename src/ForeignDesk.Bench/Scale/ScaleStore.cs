using System.Data.Common;
using ForeignDesk.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ForeignDesk.Bench.Scale;

/// <summary>
/// The store of one <c>bench scale</c> run, as the workers are configured for it: the SQLite file in the run's data
/// folder, or a PostgreSQL database of the run's own (null <paramref name="ConnectionString"/>: SQLite). The bench reads
/// its figures from it directly: when the articles were first seen and how long jobs waited (<see cref="JobWaits"/>).
/// </summary>
internal sealed record ScaleStore(string Folder, string? ConnectionString)
{
    public bool IsPostgres => ConnectionString is not null;

    /// <summary>The store settings every process of the run is given.</summary>
    public void AddSettings(IDictionary<string, string?> settings)
    {
        if (ConnectionString is null) return;
        settings["ForeignDesk:Store:Provider"] = "PostgreSQL";
        settings["ForeignDesk:Store:ConnectionString"] = ConnectionString;
    }

    public DbConnection Connect() => ConnectionString is null
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreServiceCollectionExtensions.SqliteFile(Folder), Pooling = false, DefaultTimeout = 30 }.ToString())
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    /// <summary>
    /// How many articles are stored and the span from the first one's first sighting to the last one's: the steady
    /// ingest rate, without the workers' start-up and first poll.
    /// </summary>
    public async Task<(long Count, TimeSpan Span)> StoredSpanAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = IsPostgres
            ? "SELECT COUNT(*), COALESCE((EXTRACT(EPOCH FROM MAX(first_seen) - MIN(first_seen)) * 1000)::bigint, 0) FROM articles"
            : "SELECT COUNT(*), COALESCE(MAX(first_seen_ms) - MIN(first_seen_ms), 0) FROM articles";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)));
    }
}
