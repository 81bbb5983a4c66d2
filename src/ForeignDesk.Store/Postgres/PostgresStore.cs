using ForeignDesk.Core;
using ForeignDesk.Store.Postgres.Migrations;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>
/// The store on a PostgreSQL server, for an operator who outgrows one machine: the same interfaces and semantics as
/// the SQLite store, so that any number of processes can share it.
/// </summary>
public sealed partial class PostgresStore : IArticleStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    private readonly SourcePolicy _defaultPolicy;

    /// <param name="defaultPolicy">The policy of a new source whose draft names none.</param>
    public PostgresStore(NpgsqlDataSource dataSource, TimeProvider time, SourcePolicy defaultPolicy = SourcePolicy.Full)
    {
        _defaultPolicy = defaultPolicy;
        _database = new PostgresDatabase(dataSource);
        _time = time;
    }

    /// <summary>The ids of the migrations this build applies.</summary>
    public static IReadOnlyList<string> SchemaMigrationIds { get; } = PostgresSchema.Migrations.Select(m => m.Id).ToArray();

    /// <exception cref="InvalidOperationException">The server cannot be reached or refuses the connection: one clear line.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await OpenAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            var settings = new NpgsqlConnectionStringBuilder(_database.DataSource.ConnectionString);
            throw new InvalidOperationException(
                $"The PostgreSQL store at {settings.Host}:{settings.Port} (database {settings.Database}) cannot be opened: {ex.Message}", ex);
        }
        await using (connection)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("lock", PostgresSchema.MigrationLock));
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied timestamptz NOT NULL)", cancellationToken);
            foreach (var migration in PostgresSchema.Migrations)
            {
                if (await ScalarAsync(connection, "SELECT 1 FROM schema_migrations WHERE id = @id", cancellationToken, ("id", migration.Id)) is not null)
                    continue;
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await ExecuteAsync(connection, "INSERT INTO schema_migrations (id, applied) VALUES (@id, @now)", cancellationToken,
                    ("id", migration.Id), ("now", _time.GetUtcNow()));
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<bool> IsSchemaCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL", cancellationToken) is null) return false;
        var applied = await RowsAsync(connection, "SELECT id FROM schema_migrations", r => r.GetString(0), cancellationToken);
        return SchemaMigrationIds.All(applied.Contains);
    }

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);

    private static Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        PostgresDatabase.ExecuteAsync(connection, sql, cancellationToken, parameters);

    private static Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        PostgresDatabase.ScalarAsync(connection, sql, cancellationToken, parameters);

    private static Task<List<T>> RowsAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        PostgresDatabase.RowsAsync(connection, sql, map, cancellationToken, parameters);

    private Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _database.QueryAsync(sql, map, cancellationToken, parameters);

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _database.ExecuteAsync(sql, cancellationToken, parameters);

    private static DateTimeOffset Instant(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset? InstantOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? StringOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long? LongOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
