using ForeignDesk.Core;
using ForeignDesk.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode.</summary>
public sealed partial class SqliteArticleStore : IArticleStore
{
    private readonly SqliteDatabase _database;
    private readonly PreparedReads _reads;
    private readonly TimeProvider _time;

    private readonly SourcePolicy _defaultPolicy;

    /// <param name="defaultPolicy">The policy of a new source whose draft names none.</param>
    public SqliteArticleStore(string databasePath, TimeProvider time, SourcePolicy defaultPolicy = SourcePolicy.Full)
    {
        _defaultPolicy = defaultPolicy;
        _database = new SqliteDatabase(databasePath, create: true);
        _reads = new PreparedReads(_database);
        _time = time;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_ms INTEGER NOT NULL);", cancellationToken);
        connection.CreateFunction<string?, string?>(M0600CompactArticles.RewriteOriginal, ArticleJson.RewriteOriginal, isDeterministic: true);
        connection.CreateFunction<string?, string?>(M0600CompactArticles.RewriteTranslation, ArticleJson.RewriteTranslation, isDeterministic: true);
        var applied = 0;
        foreach (var migration in SqliteSchema.Migrations)
        {
            if (await ScalarAsync(connection, "SELECT 1 FROM schema_migrations WHERE id = $id", cancellationToken, ("$id", migration.Id)) is not null)
                continue;
            applied++;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await ExecuteAsync(connection, "INSERT INTO schema_migrations (id, applied_ms) VALUES ($id, $now)", cancellationToken,
                ("$id", migration.Id), ("$now", Ms(_time.GetUtcNow())));
            await transaction.CommitAsync(cancellationToken);
        }
        // A migration that rewrites every article leaves a write-ahead log as large as the tables: give it back.
        if (applied > 0) await ExecuteAsync(connection, CheckpointSql, cancellationToken);
    }

    private const string CheckpointSql = "PRAGMA wal_checkpoint(TRUNCATE);";

    /// <summary>
    /// Writes the write-ahead log into the database and empties it, as after a migration: a bulk load leaves a log as
    /// large as what it wrote until readers let a checkpoint finish.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, CheckpointSql, cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _reads.QueryAsync(sql, map, cancellationToken, parameters);

    private static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    private static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? InstantOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant(reader.GetInt64(ordinal));

    private static string? StringOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
