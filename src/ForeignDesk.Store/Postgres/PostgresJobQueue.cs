using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>
/// The job queue on PostgreSQL (table <c>jobs</c>, migration 0003), shared by every worker of every machine: a lease
/// takes the job due longest with <c>FOR UPDATE SKIP LOCKED</c>, so workers leasing at the same moment each get a
/// different job and never wait on one another. As on SQLite, a lease is identified by its holder and its lease count,
/// so a worker whose lease expired and was taken can no longer complete or fail the job; a lease that expires counts as
/// a failure of the job (<see cref="ExpiredLease"/>). Every instant is the database server's (<c>store_now_ms()</c>,
/// migration 0009), never a worker's: a worker whose clock jumps a day ahead takes no job that another still runs.
/// </summary>
public sealed class PostgresJobQueue(NpgsqlDataSource dataSource, JobRetryPolicy policy) : IJobQueue
{
    private readonly PostgresDatabase _database = new(dataSource);

    public async Task EnqueueAsync(IReadOnlyCollection<JobRequest> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0) return;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One row per kind and key; in key order, so that two enqueuers of overlapping batches cannot deadlock.
        foreach (var job in jobs.OrderBy(j => j.Kind, StringComparer.Ordinal).ThenBy(j => j.Key, StringComparer.Ordinal))
        {
            await PostgresDatabase.ExecuteAsync(connection,
                """
                INSERT INTO jobs (kind, key, payload, state, due_ms, created_ms)
                    VALUES (@kind, @key, @payload, CASE WHEN @due::bigint > store_now_ms() THEN 'scheduled' ELSE 'queued' END,
                        CASE WHEN @due::bigint > store_now_ms() THEN @due::bigint ELSE store_now_ms() + @behind END, store_now_ms())
                ON CONFLICT (kind, key) DO UPDATE SET
                    payload = excluded.payload,
                    again = CASE WHEN jobs.state = 'running' THEN true ELSE jobs.again END,
                    due_ms = CASE WHEN jobs.state = 'failed' THEN store_now_ms() WHEN jobs.state = 'scheduled' THEN LEAST(jobs.due_ms, excluded.due_ms) ELSE jobs.due_ms END,
                    state = CASE WHEN jobs.state = 'failed' OR (jobs.state = 'scheduled' AND excluded.state = 'queued') THEN 'queued' ELSE jobs.state END
                """, cancellationToken, ("kind", job.Kind), ("key", job.Key), ("payload", job.Payload),
                ("due", (object?)job.DueUtc?.ToUnixTimeMilliseconds() ?? DBNull.Value), ("behind", Math.Max(0, (long)job.Behind.TotalMilliseconds)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<LeasedJob?> LeaseAsync(IReadOnlyCollection<string> kinds, string holder, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0) return null;
        await using var connection = await _database.OpenAsync(cancellationToken);
        // A running job due is one whose lease expired: a failure, and at the last allowed one the job is buried (dead)
        // instead of leased, and the next due job is taken.
        while (true)
        {
            var leased = await PostgresDatabase.RowsAsync(connection,
                $"""
                UPDATE jobs SET
                    state = CASE WHEN picked.last THEN 'dead' ELSE 'running' END,
                    holder = CASE WHEN picked.last THEN NULL ELSE @holder END,
                    due_ms = CASE WHEN picked.last THEN NULL ELSE store_now_ms() + @lease END,
                    died_ms = CASE WHEN picked.last THEN store_now_ms() ELSE died_ms END,
                    again = again AND NOT picked.last,
                    leases = leases + (NOT picked.last)::int,
                    failures = failures + picked.expired::int,
                    expiries = expiries + picked.expired::int,
                    last_error = CASE WHEN picked.expired THEN {ExpiredLease.ErrorSql} ELSE last_error END
                FROM (SELECT id, state = 'running' AS expired, state = 'running' AND failures + 1 >= @max AS last FROM jobs
                    WHERE (state = 'queued' OR due_ms <= store_now_ms()) AND due_ms IS NOT NULL AND kind = ANY(@kinds)
                    ORDER BY due_ms, id LIMIT 1 FOR UPDATE SKIP LOCKED) AS picked
                WHERE jobs.id = picked.id
                RETURNING jobs.id, kind, key, payload, leases, failures, state, store_now_ms() + @lease
                """,
                r => (Job: new LeasedJob(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), r.GetInt32(5),
                    holder, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7))), Dead: r.GetString(6) == "dead"),
                cancellationToken, ("holder", holder), ("lease", (long)leaseTime.TotalMilliseconds), ("kinds", kinds.ToArray()),
                ("max", policy.MaxFailures));
            if (leased.Count == 0) return null;
            if (!leased[0].Dead) return leased[0].Job;
        }
    }

    public async Task<bool> ExtendLeaseAsync(LeasedJob job, TimeSpan leaseTime, CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE jobs SET due_ms = store_now_ms() + @lease WHERE {HeldBy}", job, cancellationToken,
            ("lease", (long)leaseTime.TotalMilliseconds)) == 1;

    public async Task CompleteAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        // Enqueued again while it ran: what it did may be stale, so it runs once more.
        if (await ExecuteAsync($"DELETE FROM jobs WHERE {HeldBy} AND NOT again", job, cancellationToken) == 0)
            await ExecuteAsync($"UPDATE jobs SET state = 'queued', again = false, failures = 0, expiries = 0, holder = NULL, due_ms = store_now_ms() WHERE {HeldBy} AND again",
                job, cancellationToken);
    }

    public Task ReleaseAsync(LeasedJob job, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE jobs SET state = 'queued', again = false, holder = NULL, due_ms = store_now_ms() WHERE {HeldBy}", job, cancellationToken);

    public async Task<JobState> FailAsync(LeasedJob job, string error, CancellationToken cancellationToken)
    {
        var failures = job.Failures + 1;
        var dead = policy.IsLast(failures);
        var changed = await ExecuteAsync(
            $"""
            UPDATE jobs SET failures = @failures, last_error = @error, holder = NULL, again = false, state = @state,
                due_ms = CASE WHEN @dead THEN NULL ELSE store_now_ms() + @delay END, died_ms = CASE WHEN @dead THEN store_now_ms() END
            WHERE {HeldBy}
            """, job, cancellationToken,
            ("failures", failures), ("error", error), ("state", dead ? "dead" : "failed"), ("dead", dead),
            ("delay", (long)policy.DelayAfter(failures).TotalMilliseconds));
        return changed == 0 ? JobState.Running : dead ? JobState.Dead : JobState.Failed;
    }

    public async Task<IReadOnlyList<DeadJob>> DeadAsync(int limit, CancellationToken cancellationToken) =>
        await _database.QueryAsync(
            "SELECT id, kind, key, failures, last_error, died_ms FROM jobs WHERE state = 'dead' ORDER BY died_ms DESC, id DESC LIMIT @limit",
            r => new DeadJob(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))),
            cancellationToken, ("limit", limit));

    public Task<int> RetryDeadAsync(long? id, CancellationToken cancellationToken) =>
        _database.ExecuteAsync(
            "UPDATE jobs SET state = 'queued', failures = 0, expiries = 0, due_ms = store_now_ms(), died_ms = NULL WHERE state = 'dead' AND (@id::bigint IS NULL OR id = @id::bigint)",
            cancellationToken, ("id", id));

    public async Task<JobCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = (await _database.QueryAsync("SELECT state, COUNT(*) FROM jobs GROUP BY state", r => (r.GetString(0), r.GetInt64(1)), cancellationToken))
            .ToDictionary(c => c.Item1, c => c.Item2, StringComparer.Ordinal);
        return new JobCounts(counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"), counts.GetValueOrDefault("failed"), counts.GetValueOrDefault("dead"));
    }

    public async Task<TimeSpan?> NextDueInAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0) return null;
        var dueIn = await _database.QueryAsync(
            "SELECT MIN(CASE WHEN state = 'queued' THEN 0 ELSE GREATEST(due_ms - store_now_ms(), 0) END) FROM jobs WHERE due_ms IS NOT NULL AND kind = ANY(@kinds)",
            r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0), cancellationToken, ("kinds", kinds.ToArray()));
        return dueIn.FirstOrDefault() is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
    }

    /// <summary>The rows a lease still holds: running, by this holder, under this lease.</summary>
    private const string HeldBy = "id = @id AND state = 'running' AND holder = @holder AND leases = @leases";

    private Task<int> ExecuteAsync(string sql, LeasedJob job, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _database.ExecuteAsync(sql, cancellationToken, [("id", job.Id), ("holder", job.Holder), ("leases", job.Leases), .. parameters]);
}
