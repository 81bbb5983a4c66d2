using System.Collections.Concurrent;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Jobs;

/// <summary>
/// Leases the jobs this process has handlers for and runs them, <see cref="JobOptions.Workers"/> at a time, renewing
/// each lease every third of <see cref="JobOptions.LeaseTime"/> while its handler runs. A handler that throws fails
/// its job (backoff, then dead); a process killed mid-job leaves the lease to expire, and any worker takes the job again,
/// counting the expired lease as a failure (a job that kills its worker every time ends dead). A process that stops
/// gives its jobs back at once, with no failure counted. The jobs of a handler with a <see cref="IJobHandler.Role"/> (story
/// placement) are leased only while this process holds that role (<see cref="RoleKeeper"/>, as for the poll scheduler):
/// until then they wait in the queue, neither failed nor lost; a process that takes the role first lets the handlers
/// rebuild what they keep in memory (the story index, from the stored features).
/// </summary>
public sealed class JobRunner
{
    private readonly IJobQueue _queue;
    private readonly IReadOnlyDictionary<string, IJobHandler> _handlers;
    private readonly IOptions<JobOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobRunner> _log;
    private readonly IngestMetrics? _metrics;
    private readonly string[] _kinds;
    private readonly RoleKeeper? _roleKeeper;
    private readonly string[] _roles;

    /// <summary>The roles this process holds, each with what stops its running jobs when it is lost.</summary>
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _held = new(StringComparer.Ordinal);
    private readonly StoreOutage _outage;

    /// <summary>The kinds this process leases now: those that need no role, and those of the roles it holds.</summary>
    private volatile string[] _leasable;

    /// <param name="roles">Takes and keeps the roles of the store; without it (no store shared with others) this process holds every role.</param>
    public JobRunner(IJobQueue queue, IEnumerable<IJobHandler> handlers, IOptions<JobOptions> options, TimeProvider time,
        ILogger<JobRunner> log, IngestMetrics? metrics = null, RoleKeeper? roles = null)
    {
        _queue = queue;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _options = options;
        _time = time;
        _log = log;
        _metrics = metrics;
        _kinds = [.. _handlers.Keys];
        _roleKeeper = roles;
        _roles = roles is null ? [] : [.. _handlers.Values.Select(h => h.Role).OfType<string>().Distinct(StringComparer.Ordinal)];
        _leasable = Leasable();
        _outage = new StoreOutage(time, log);
        Holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Who holds this process's leases: host, process id and a random part.</summary>
    public string Holder { get; }

    /// <summary>Longest sleep of an idle worker before it looks for due jobs again (other processes enqueue too).</summary>
    public static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Runs jobs until none is due and none is running anywhere (a lease left by a killed process is waited out and its
    /// job run here). Jobs waiting out a failure's backoff are left for later. For <c>ingest --once</c> and tests.
    /// </summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var leading = LeadAsync(done.Token);
        try
        {
            await RunWorkersUntilIdleAsync(cancellationToken);
        }
        finally
        {
            await done.CancelAsync();
            await leading;
        }
        if (_metrics is not null) _metrics.JobsCounted(await _queue.CountsAsync(cancellationToken));
    }

    private async Task RunWorkersUntilIdleAsync(CancellationToken cancellationToken)
    {
        var busy = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                Interlocked.Increment(ref busy);
                var ran = false;
                try
                {
                    ran = await RunNextAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref busy);
                }
                if (ran) continue;
                // Done when no job is due and none runs: not in this drain (it may enqueue the next step), and not
                // elsewhere (a lease a killed process left is waited out, and its job run here).
                if (Volatile.Read(ref busy) == 0 && (await _queue.CountsAsync(cancellationToken)).Running == 0
                    && (await _queue.NextDueInAsync(_kinds, cancellationToken) is not { } dueIn || dueIn > TimeSpan.Zero))
                    return;
                await Task.Delay(IdlePoll / 5, cancellationToken);
            }
        }, cancellationToken)));
    }

    /// <summary>How often a worker counts the queue's jobs for the metrics.</summary>
    public static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs jobs as they come due until <paramref name="stoppingToken"/> fires (the worker role), and counts the queue's
    /// jobs for the metrics every <see cref="CountInterval"/>.
    /// </summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = IdlePoll;
                try
                {
                    var ran = await RunNextAsync(stoppingToken);
                    _outage.Answered();
                    if (ran) continue;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopped while leasing or running a job: a job stopped mid-run went back to the queue, and the
                    // runner ends as it does between jobs.
                    return;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StoreOutage.IsStoreAway(ex))
                {
                    // The store is away: logged once for the outage; the leased job (if any) comes back when its lease expires.
                    wait = _outage.Failed(ex);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    _log.LogError(ex, "Leasing or finishing a job failed; trying again in {Wait}", IdlePoll);
                }

                try
                {
                    await Task.Delay(wait, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }, CancellationToken.None)).Append(CountAsync(stoppingToken)).Append(LeadAsync(stoppingToken)));

    private async Task CountAsync(CancellationToken stoppingToken)
    {
        if (_metrics is null) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _metrics.JobsCounted(await _queue.CountsAsync(stoppingToken));
                await Task.Delay(CountInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _log.LogWarning(ex, "Counting the jobs failed; trying again in {Interval}", CountInterval);
                await Task.Delay(CountInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private int Workers => Math.Clamp(_options.Value.Workers, 1, 64);

    private string[] Leasable() =>
        [.. _handlers.Values.Where(h => h.Role is null || _roles.Length == 0 || _held.ContainsKey(h.Role)).Select(h => h.Kind)];

    /// <summary>How often a process that lacks a role tries to take it, at most (a holder that stopped frees it at once).</summary>
    public static readonly TimeSpan RoleRetry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Leases the jobs of each role this process's handlers need while it holds the role (<see cref="RoleKeeper"/>: taken
    /// when free, renewed, given up), until <paramref name="stoppingToken"/> fires.
    /// </summary>
    private Task LeadAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_roles.Select(role => _roleKeeper!.RunWhileHeldAsync(role, held => HoldRoleAsync(role, held), stoppingToken)));

    /// <summary>
    /// The duty of a role: its handlers rebuild what they keep in memory, then its jobs are leased here until
    /// <paramref name="held"/> fires (the role is lost, or the process stops); its running jobs are then given back.
    /// </summary>
    private async Task HoldRoleAsync(string role, CancellationToken held)
    {
        foreach (var handler in _handlers.Values.Where(h => h.Role == role))
            await handler.RoleTakenAsync(held);
        _held[role] = new CancellationTokenSource();
        _leasable = Leasable();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, held).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            if (_held.TryRemove(role, out var lost))
            {
                _leasable = Leasable();
                await lost.CancelAsync();
            }
        }
    }

    /// <returns>True when a job was leased and run (whatever its outcome).</returns>
    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var leaseTime = _options.Value.LeaseTime;
        if (await LeaseAsync(leaseTime, cancellationToken) is not { } job) return false;
        if (cancellationToken.IsCancellationRequested)
        {
            // Leased as the process stops: given back at once, not left held until its lease expires.
            await ReleaseAsync(job);
            cancellationToken.ThrowIfCancellationRequested();
        }
        var handler = _handlers[job.Kind];
        // A job of a role runs only while this process holds the role: lost meanwhile, the job is given back.
        var roleLost = CancellationToken.None;
        if (handler.Role is { } role && _roles.Length > 0)
        {
            if (!_held.TryGetValue(role, out var held))
            {
                await ReleaseAsync(job);
                return true;
            }
            roleLost = held.Token;
        }
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, roleLost);
        var renewing = RenewAsync(job, leaseTime, running.Token);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await handler.RunAsync(job, running.Token);
            await running.CancelAsync();
            await renewing;
            await _queue.CompleteAsync(job, cancellationToken);
            _metrics?.JobRan(job.Kind, IngestMetrics.Since(started), "completed");
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || roleLost.IsCancellationRequested)
        {
            // The process stops, or lost the job's role: the job goes back to the queue, no failure of its own.
            await running.CancelAsync();
            await renewing;
            await ReleaseAsync(job);
            if (!roleLost.IsCancellationRequested) throw;
        }
        catch (Exception ex)
        {
            await running.CancelAsync();
            await renewing;
            var state = await _queue.FailAsync(job, ex.Message, CancellationToken.None);
            _metrics?.JobRan(job.Kind, IngestMetrics.Since(started), state == JobState.Dead ? "dead" : "failed");
            if (state == JobState.Dead)
                _log.LogError(ex, "Job {Kind} {Key} failed for the last time ({Failures}); it is dead until retried", job.Kind, job.Key, job.Failures + 1);
            else
                _log.LogWarning(ex, "Job {Kind} {Key} failed ({Failures} so far); it is retried later", job.Kind, job.Key, job.Failures + 1);
        }
        return true;
    }

    /// <summary>
    /// Leases the next due job. The store may take the lease and then see the process stop before the job reaches
    /// here; cancelled at that moment, the job would stay held by no one until its lease expired. So a stop does not
    /// cancel the lease at once: it is given <see cref="ReleaseWait"/> to finish, and a job it returns is then given back.
    /// </summary>
    private async Task<LeasedJob?> LeaseAsync(TimeSpan leaseTime, CancellationToken stoppingToken)
    {
        using var leasing = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => leasing.CancelAfter(ReleaseWait));
        try
        {
            return await _queue.LeaseAsync(_leasable, Holder, leaseTime, leasing.Token);
        }
        catch (OperationCanceledException) when (leasing.IsCancellationRequested)
        {
            throw new OperationCanceledException(stoppingToken);
        }
    }

    /// <summary>How long a stopping process waits for the store to take back a job it gives up.</summary>
    private static readonly TimeSpan ReleaseWait = TimeSpan.FromSeconds(5);

    /// <summary>Gives a job back unfinished (the process stops, or lost the job's role).</summary>
    private async Task ReleaseAsync(LeasedJob job)
    {
        try
        {
            using var wait = new CancellationTokenSource(ReleaseWait);
            await _queue.ReleaseAsync(job, wait.Token);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Could not give back job {Kind} {Key}; it is taken again when its lease expires", job.Kind, job.Key);
        }
    }

    /// <summary>Keeps the lease while the handler runs; a lost lease is logged (another worker has the job now).</summary>
    private async Task RenewAsync(LeasedJob job, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(leaseTime / 3, cancellationToken);
                if (!await _queue.ExtendLeaseAsync(job, leaseTime, cancellationToken))
                {
                    _log.LogWarning("Lost the lease of job {Kind} {Key}; another worker may run it too", job.Kind, job.Key);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Could not renew the lease of job {Kind} {Key}", job.Kind, job.Key);
        }
    }
}
