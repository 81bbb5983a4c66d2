using Npgsql;

namespace ForeignDesk.Bench.Web;

/// <summary>How big a PostgreSQL store is: its database, and each table (with its TOAST) and index.</summary>
internal sealed record PostgresStoreSize(long DatabaseBytes, IReadOnlyList<(string Part, long Bytes)> Parts)
{
    public static async Task<PostgresStoreSize> MeasureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var total = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var bytes = (long)(await total.ExecuteScalarAsync(cancellationToken))!;
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, pg_relation_size(c.oid) + CASE WHEN c.reltoastrelid = 0 THEN 0 ELSE pg_total_relation_size(c.reltoastrelid) END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i') ORDER BY 2 DESC
            """, connection);
        var parts = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) parts.Add((reader.GetString(0), reader.GetInt64(1)));
        return new PostgresStoreSize(bytes, parts);
    }
}
