namespace ForeignDesk.Bench.Scale;

/// <summary>
/// Job queue latency: how long each job waited from when it became due (queued, or its backoff over) to when a
/// worker leased it. A trigger the bench adds to its own throwaway store's <c>jobs</c> table records every lease as it
/// happens, whichever process takes it, in <c>bench_job_waits</c>; the product's code is not touched.
/// </summary>
internal static class JobWaits
{
    private const string PostgresTrigger =
        """
        CREATE TABLE bench_job_waits (kind text NOT NULL, waited_ms bigint NOT NULL);
        CREATE FUNCTION bench_job_wait() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO bench_job_waits VALUES (NEW.kind, GREATEST(0, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint - OLD.due_ms));
            RETURN NULL;
        END $body$;
        CREATE TRIGGER bench_job_wait AFTER UPDATE OF state ON jobs FOR EACH ROW
            WHEN (NEW.state = 'running' AND OLD.state IN ('queued', 'failed') AND OLD.due_ms IS NOT NULL)
            EXECUTE FUNCTION bench_job_wait();
        """;

    private const string SqliteTrigger =
        """
        CREATE TABLE bench_job_waits (kind TEXT NOT NULL, waited_ms INTEGER NOT NULL);
        CREATE TRIGGER bench_job_wait AFTER UPDATE OF state ON jobs
            WHEN NEW.state = 'running' AND OLD.state IN ('queued', 'failed') AND OLD.due_ms IS NOT NULL
        BEGIN
            INSERT INTO bench_job_waits VALUES (NEW.kind, MAX(0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) - OLD.due_ms));
        END;
        """;

    public static async Task InstallAsync(ScaleStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = store.IsPostgres ? PostgresTrigger : SqliteTrigger;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every recorded wait, in milliseconds, by job kind, ascending.</summary>
    public static async Task<IReadOnlyDictionary<string, List<double>>> ReadAsync(ScaleStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, waited_ms FROM bench_job_waits";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var waits = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(0);
            if (!waits.TryGetValue(kind, out var list)) waits[kind] = list = [];
            list.Add(reader.GetInt64(1));
        }
        foreach (var list in waits.Values) list.Sort();
        return waits;
    }
}
