namespace ForeignDesk.Core;

/// <summary>
/// Where a job is: waiting to run, leased by a worker, waiting out its backoff after a failure, or set aside after too
/// many failures until an operator retries it. A job that completes is removed.
/// </summary>
public enum JobState
{
    Queued,
    Running,
    Failed,
    Dead,
    /// <summary>Enqueued to run later (<see cref="JobRequest.DueUtc"/>); leased once due, and not counted as queued.</summary>
    Scheduled,
}

/// <summary>A step to run, unique by its kind and key (an article URL, an article id, an endpoint).</summary>
/// <param name="Payload">What the step needs beyond its key (JSON, the handler's own); replaced by a later enqueue.</param>
/// <param name="DueUtc">
/// When the step may run first; null (or a time past) for at once. A job due later waits as <see cref="JobState.Scheduled"/>;
/// enqueued again, it keeps the earlier of its two times.
/// </param>
/// <param name="Behind">
/// For a job due at once, its place in the queue: as though enqueued this long after now, behind the jobs enqueued until
/// then (zero, the default: at the end of the queue now). It is leased at once all the same when nothing stands before it.
/// </param>
public sealed record JobRequest(string Kind, string Key, string? Payload = null, DateTimeOffset? DueUtc = null, TimeSpan Behind = default);

/// <summary>A job a worker holds until <paramref name="LeaseExpiresUtc"/>; after that any worker may take it again.</summary>
/// <param name="Leases">Times the job has been leased, this one included.</param>
/// <param name="Failures">
/// Failures recorded so far, leases that expired included: a worker that stopped while running the job (killed, or
/// crashed by the job itself) counts as a failure, so that a job that kills every worker ends dead.
/// </param>
public sealed record LeasedJob(long Id, string Kind, string Key, string? Payload, int Leases, int Failures, string Holder, DateTimeOffset LeaseExpiresUtc);

/// <summary>A job set aside after its last allowed failure.</summary>
public sealed record DeadJob(long Id, string Kind, string Key, int Failures, string? LastError, DateTimeOffset DiedUtc);

/// <summary>How many jobs are in each state.</summary>
public sealed record JobCounts(long Queued, long Running, long Failed, long Dead);

/// <summary>
/// The store's durable job queue. At least once: a job runs until a worker completes it, so every handler is
/// idempotent. The operations map onto one statement each on PostgreSQL: a lease is
/// <c>UPDATE jobs … WHERE id = (SELECT id … ORDER BY run_after FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING …</c>, so any
/// number of workers lease without waiting on each other; on SQLite the same statement runs under the file's write lock.
/// </summary>
public interface IJobQueue
{
    /// <summary>
    /// Adds the jobs in one transaction. A job of the same kind and key that is queued keeps its place and takes the new
    /// payload; one scheduled keeps the earlier of its two due times; one waiting out a failure's backoff becomes due now (its failures kept); one running is queued again
    /// when it completes (the work it does may already be stale); a dead one stays dead until retried.
    /// </summary>
    Task EnqueueAsync(IReadOnlyCollection<JobRequest> jobs, CancellationToken cancellationToken);

    /// <summary>
    /// Leases the job of one of <paramref name="kinds"/> that has been due longest: queued (due at once, even when the
    /// clock has gone back since), past its backoff, or running under a lease that expired. A lease that expired is a
    /// failure of its job; at the last allowed one the job is dead ("lease expired 5 times: the worker stopped while
    /// running it") and the next due job is leased instead. Null when none is due.
    /// </summary>
    Task<LeasedJob?> LeaseAsync(IReadOnlyCollection<string> kinds, string holder, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>Keeps a running job's lease for another <paramref name="leaseTime"/>; false when the lease was lost.</summary>
    Task<bool> ExtendLeaseAsync(LeasedJob job, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>Removes the job (or queues it again when it was enqueued while running); nothing when the lease was lost.</summary>
    Task CompleteAsync(LeasedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a running job back unfinished because its worker stops (the process shuts down): queued again, due now,
    /// with no failure counted, unlike a lease left to expire. Nothing when the lease was lost.
    /// </summary>
    Task ReleaseAsync(LeasedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failure: the job waits out the policy's backoff (<see cref="JobState.Failed"/>) or, at its last
    /// allowed failure, becomes <see cref="JobState.Dead"/>. Nothing when the lease was lost.
    /// </summary>
    /// <returns>The state the job is in afterwards.</returns>
    Task<JobState> FailAsync(LeasedJob job, string error, CancellationToken cancellationToken);

    /// <summary>Dead jobs, most recent first.</summary>
    Task<IReadOnlyList<DeadJob>> DeadAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Queues dead jobs again with no failures: the one with <paramref name="id"/>, or every one when null.</summary>
    /// <returns>How many were queued.</returns>
    Task<int> RetryDeadAsync(long? id, CancellationToken cancellationToken);

    Task<JobCounts> CountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How long until the next job of <paramref name="kinds"/> becomes due (zero when one is; a running job's lease expiry
    /// counts), by the store's clock, or null when there is none but dead ones.
    /// </summary>
    Task<TimeSpan?> NextDueInAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken);
}
