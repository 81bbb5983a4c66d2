using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The job queue in the store's SQLite file (table <c>jobs</c>, migration 0900). Each operation is one statement (or
/// one transaction) under SQLite's write lock, so processes sharing the file never lease the same job. A lease is
/// identified by its holder and its lease count, so a worker whose lease expired and was taken can no longer complete
/// or fail the job; a lease that expires counts as a failure of the job (<see cref="ExpiredLease"/>). Leases end by the
/// machine's monotonic clock (<see cref="SteadyClock"/>), so a process whose wall clock steps a day ahead takes no job
/// that another still runs.
/// </summary>
public sealed class SqliteJobQueue : IJobQueue
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly JobRetryPolicy _policy;
    private readonly SteadyClock _steady;

    public SqliteJobQueue(string databasePath, TimeProvider time, JobRetryPolicy policy)
    {
        _database = new SqliteDatabase(databasePath, create: false);
        _time = time;
        _policy = policy;
        _steady = new SteadyClock(time);
    }

    public async Task EnqueueAsync(IReadOnlyCollection<JobRequest> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0) return;
        var now = Now();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO jobs (kind, key, payload, state, due_ms, created_ms)
                VALUES ($kind, $key, $payload, CASE WHEN $due > $now THEN 'scheduled' ELSE 'queued' END,
                    CASE WHEN $due > $now THEN $due ELSE $now + $behind END, $now)
            ON CONFLICT (kind, key) DO UPDATE SET
                payload = excluded.payload,
                again = CASE WHEN state = 'running' THEN 1 ELSE again END,
                due_ms = CASE WHEN state = 'failed' THEN $now WHEN state = 'scheduled' THEN MIN(due_ms, excluded.due_ms) ELSE due_ms END,
                state = CASE WHEN state = 'failed' OR (state = 'scheduled' AND excluded.state = 'queued') THEN 'queued' ELSE state END
            """;
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        var due = command.Parameters.Add("$due", SqliteType.Integer);
        var behind = command.Parameters.Add("$behind", SqliteType.Integer);
        command.Parameters.AddWithValue("$now", now);
        foreach (var job in jobs)
        {
            kind.Value = job.Kind;
            key.Value = job.Key;
            payload.Value = (object?)job.Payload ?? DBNull.Value;
            due.Value = job.DueUtc?.ToUnixTimeMilliseconds() ?? now;
            behind.Value = Math.Max(0, (long)job.Behind.TotalMilliseconds);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<LeasedJob?> LeaseAsync(IReadOnlyCollection<string> kinds, string holder, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0) return null;
        var now = _time.GetUtcNow();
        var until = now + leaseTime;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // A running job due is one whose lease expired: a failure, and at the last allowed one the job is buried (dead)
        // instead of leased, and the next due job is taken.
        command.CommandText =
            $"""
            UPDATE jobs SET
                state = CASE WHEN picked.last THEN 'dead' ELSE 'running' END,
                holder = CASE WHEN picked.last THEN NULL ELSE $holder END,
                due_ms = CASE WHEN picked.last THEN NULL ELSE $until END,
                lease_clock = $clock,
                lease_until_tick = $tick + $lease,
                died_ms = CASE WHEN picked.last THEN $now ELSE died_ms END,
                again = CASE WHEN picked.last THEN 0 ELSE again END,
                leases = leases + NOT picked.last,
                failures = failures + picked.expired,
                expiries = expiries + picked.expired,
                last_error = CASE WHEN picked.expired THEN {ExpiredLease.ErrorSql} ELSE last_error END
            FROM (SELECT id, state = 'running' AS expired, state = 'running' AND failures + 1 >= $max AS last FROM jobs
                WHERE due_ms IS NOT NULL AND kind IN ({KindList(command, kinds)})
                    AND (state = 'queued' OR (state IN ('failed', 'scheduled') AND due_ms <= $now) OR (state = 'running' AND {SteadyClock.EndedSql("jobs", "due_ms")}))
                ORDER BY due_ms, id LIMIT 1) AS picked
            WHERE jobs.id = picked.id
            RETURNING id, kind, key, payload, leases, failures, state
            """;
        command.Parameters.AddWithValue("$holder", holder);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", _policy.MaxFailures);
        command.Parameters.AddWithValue("$lease", (long)leaseTime.TotalMilliseconds);
        _steady.Bind(command);
        while (true)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            if (reader.GetString(6) == "dead") continue;
            return new LeasedJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), holder, DateTimeOffset.FromUnixTimeMilliseconds(until.ToUnixTimeMilliseconds()));
        }
    }

    public async Task<bool> ExtendLeaseAsync(LeasedJob job, TimeSpan leaseTime, CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE jobs SET due_ms = $until, lease_clock = $clock, lease_until_tick = $tick + $lease WHERE {HeldBy}", job, cancellationToken,
            ("$until", (Now() + (long)leaseTime.TotalMilliseconds)), ("$lease", (long)leaseTime.TotalMilliseconds)) == 1;

    public async Task CompleteAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        // Enqueued again while it ran: what it did may be stale, so it runs once more.
        await ExecuteAsync(
            $"""
            DELETE FROM jobs WHERE {HeldBy} AND again = 0;
            UPDATE jobs SET state = 'queued', again = 0, failures = 0, expiries = 0, holder = NULL, due_ms = $now WHERE {HeldBy} AND again = 1;
            """, job, cancellationToken, ("$now", Now()));
    }

    public Task ReleaseAsync(LeasedJob job, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE jobs SET state = 'queued', again = 0, holder = NULL, due_ms = $now WHERE {HeldBy}", job, cancellationToken, ("$now", Now()));

    public async Task<JobState> FailAsync(LeasedJob job, string error, CancellationToken cancellationToken)
    {
        var failures = job.Failures + 1;
        var dead = _policy.IsLast(failures);
        var now = Now();
        var changed = await ExecuteAsync(
            $"""
            UPDATE jobs SET failures = $failures, last_error = $error, holder = NULL, again = 0,
                state = $state, due_ms = $due, died_ms = $died
            WHERE {HeldBy}
            """, job, cancellationToken,
            ("$failures", failures), ("$error", error), ("$state", dead ? "dead" : "failed"),
            ("$due", dead ? null : now + (long)_policy.DelayAfter(failures).TotalMilliseconds), ("$died", dead ? now : null));
        return changed == 0 ? JobState.Running : dead ? JobState.Dead : JobState.Failed;
    }

    public async Task<IReadOnlyList<DeadJob>> DeadAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, key, failures, last_error, died_ms FROM jobs WHERE state = 'dead' ORDER BY died_ms DESC, id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dead = new List<DeadJob>();
        while (await reader.ReadAsync(cancellationToken))
        {
            dead.Add(new DeadJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }
        return dead;
    }

    public async Task<int> RetryDeadAsync(long? id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET state = 'queued', failures = 0, expiries = 0, due_ms = $now, died_ms = NULL WHERE state = 'dead' AND ($id IS NULL OR id = $id)";
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<JobCounts> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM jobs GROUP BY state";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return new JobCounts(counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"), counts.GetValueOrDefault("failed"), counts.GetValueOrDefault("dead"));
    }

    public async Task<TimeSpan?> NextDueInAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0) return null;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            SELECT MIN(CASE WHEN state = 'queued' THEN 0
                WHEN state = 'running' AND lease_clock = $clock THEN lease_until_tick - $tick
                ELSE due_ms - $now END)
            FROM jobs WHERE due_ms IS NOT NULL AND kind IN ({KindList(command, kinds)})
            """;
        command.Parameters.AddWithValue("$now", Now());
        _steady.Bind(command);
        return await command.ExecuteScalarAsync(cancellationToken) is long dueIn ? TimeSpan.FromMilliseconds(Math.Max(0, dueIn)) : null;
    }

    /// <summary>The rows a lease still holds: running, by this holder, under this lease.</summary>
    private const string HeldBy = "id = $id AND state = 'running' AND holder = $holder AND leases = $leases";

    private async Task<int> ExecuteAsync(string sql, LeasedJob job, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", job.Id);
        command.Parameters.AddWithValue("$holder", job.Holder);
        command.Parameters.AddWithValue("$leases", job.Leases);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        _steady.Bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds one parameter per kind and returns them as a list for <c>IN (…)</c>.</summary>
    private static string KindList(SqliteCommand command, IReadOnlyCollection<string> kinds)
    {
        var names = new List<string>(kinds.Count);
        foreach (var kind in kinds)
        {
            var name = $"$k{names.Count}";
            command.Parameters.AddWithValue(name, kind);
            names.Add(name);
        }
        return string.Join(", ", names);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
