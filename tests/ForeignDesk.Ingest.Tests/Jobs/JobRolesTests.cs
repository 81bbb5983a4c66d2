using System.Collections.Concurrent;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Jobs;

/// <summary>Jobs of a role (story placement) run in one process at a time: two runners sharing one store file.</summary>
public sealed class JobRolesTests : IAsyncLifetime
{
    private TemporaryStore _store = null!;
    private string Database => _store.DatabasePath;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JobOptions Options = new() { LeaseTime = TimeSpan.FromSeconds(3) };

    public async ValueTask InitializeAsync() => _store = await TemporaryStore.CreateAsync("fd-roles-", TimeProvider.System, Ct);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task RunUntilIdle_TwoProcesses_RunTheRolesJobsInOneOfThemOnly_AndTheOthersJobsInEither()
    {
        var ran = new ConcurrentQueue<(string Runner, string Kind)>();
        var queue = Queue();
        await queue.EnqueueAsync([.. Enumerable.Range(1, 20).SelectMany(i => new[] { new JobRequest(JobKinds.Place, $"{i}"), new JobRequest(JobKinds.Fetch, $"{i}") })], Ct);
        var first = Runner("first", ran);
        var second = Runner("second", ran);

        await Task.WhenAll(first.RunUntilIdleAsync(Ct), second.RunUntilIdleAsync(Ct));

        Assert.Equal(new JobCounts(0, 0, 0, 0), await queue.CountsAsync(Ct));
        Assert.Equal(20, ran.Count(r => r.Kind == JobKinds.Fetch));
        Assert.Equal(20, ran.Count(r => r.Kind == JobKinds.Place));
        Assert.Single(ran.Where(r => r.Kind == JobKinds.Place).Select(r => r.Runner).Distinct());
    }

    [Fact]
    public async Task RunUntilIdle_TheRoleHeldByAnotherProcess_LeavesItsJobsToThatProcess()
    {
        var ran = new ConcurrentQueue<(string Runner, string Kind)>();
        var queue = Queue();
        await queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a"), new JobRequest(JobKinds.Place, "1")], Ct);
        var leader = await new SqliteLeadership(Database, TimeProvider.System, Options.LeaseTime).TryAcquireAsync(Leadership.Clusterer, Ct);
        Assert.NotNull(leader);
        var running = Runner("other", ran).RunUntilIdleAsync(Ct);

        // The handler records its run before the runner marks the job done: wait for the mark, a minute at most.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromMinutes(1));
        while (ran.IsEmpty || (await queue.CountsAsync(Ct)).Running > 0) await Task.Delay(20, bound.Token);
        Assert.Equal(new JobCounts(1, 0, 0, 0), await queue.CountsAsync(Ct));
        Assert.Equal([("other", JobKinds.Fetch)], ran);
        await leader.DisposeAsync();
        await running;

        Assert.Equal([("other", JobKinds.Fetch), ("other", JobKinds.Place)], ran);
    }

    [Fact]
    public async Task Run_TheRoleLostWhileItsJobRuns_StopsTheJobAndGivesItBackWithNoFailure()
    {
        var queue = Queue();
        await queue.EnqueueAsync([new JobRequest(JobKinds.Place, "1")], Ct);
        var blocking = new BlockingHandler();
        var runner = new JobRunner(Queue(), [blocking], Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System,
            NullLogger<JobRunner>.Instance, roles: Roles());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = runner.RunAsync(stop.Token);
        await blocking.Started.Task.WaitAsync(Ct);

        await StealRoleAsync();
        // Renewals come every third of the lease time: a minute is a bound, not a measure.
        await blocking.Stopped.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        await stop.CancelAsync();
        await running;

        var again = await queue.LeaseAsync([JobKinds.Place], "test", Options.LeaseTime, Ct);
        Assert.NotNull(again);
        Assert.Equal(0, again.Failures);
    }

    [Fact]
    public async Task Run_TheRoleLostAndTakenAgain_RebuildsWhatItKeepsInMemoryEachTime_BeforeItRunsTheRolesJobs()
    {
        var queue = Queue();
        var blocking = new BlockingHandler();
        var runner = new JobRunner(Queue(), [blocking], Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System,
            NullLogger<JobRunner>.Instance, roles: Roles());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = runner.RunAsync(stop.Token);
        await queue.EnqueueAsync([new JobRequest(JobKinds.Place, "1")], Ct);
        await blocking.Started.Task.WaitAsync(Ct);
        Assert.Equal(1, blocking.RoleTaken);

        // Another process takes the role, and dies: once its lease has expired, this one takes the role again.
        await StealRoleAsync();
        await blocking.Stopped.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        // Lease expiries and retries: a minute is a bound, not a measure.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromMinutes(1));
        while (Volatile.Read(ref blocking.Runs) < 2) await Task.Delay(50, bound.Token);
        await stop.CancelAsync();
        await running;

        Assert.Equal(2, blocking.RoleTaken);
        Assert.Equal([1, 2], blocking.RoleTakenBeforeRun);
    }

    /// <summary>A worker stopping mid-job ends as between jobs, whether or not it held the job's role until then.</summary>
    [Fact]
    public async Task Run_StoppedWhileAJobRuns_EndsWithoutError_AndKeepsTheJob()
    {
        var queue = Queue();
        var blocking = new BlockingHandler();
        var runner = new JobRunner(Queue(), [blocking], Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System,
            NullLogger<JobRunner>.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = runner.RunAsync(stop.Token);
        await queue.EnqueueAsync([new JobRequest(JobKinds.Place, "1")], Ct);
        await blocking.Started.Task.WaitAsync(Ct);

        await stop.CancelAsync();
        await running;

        Assert.True(running.IsCompletedSuccessfully);
        // Not lost and not failed: given back, or (where giving it back lost a race) held until its lease expires.
        var counts = await queue.CountsAsync(Ct);
        Assert.Equal((1L, 0L, 0L), (counts.Queued + counts.Running, counts.Failed, counts.Dead));
    }

    /// <summary>
    /// The store takes a lease, and the process stops before the leased job is handed over: the job is given back at
    /// once, not left held by no one until its lease expires.
    /// </summary>
    [Fact]
    public async Task Run_StoppedWhileTheStoreTakesALease_GivesTheJobBack()
    {
        var queue = Queue();
        var leasing = new SlowToAnswerQueue(Queue());
        var runner = new JobRunner(leasing, [new BlockingHandler()], Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System,
            NullLogger<JobRunner>.Instance);
        await queue.EnqueueAsync([new JobRequest(JobKinds.Place, "1")], Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = runner.RunAsync(stop.Token);
        await leasing.Leased.Task.WaitAsync(Ct);
        Assert.Equal(1L, (await queue.CountsAsync(Ct)).Running);

        await stop.CancelAsync();
        leasing.Answer.TrySetResult();
        await running;

        Assert.True(running.IsCompletedSuccessfully);
        var counts = await queue.CountsAsync(Ct);
        Assert.Equal((1L, 0L, 0L, 0L), (counts.Queued, counts.Running, counts.Failed, counts.Dead));
    }

    /// <summary>A store that takes a lease, then waits for <see cref="Answer"/> (or its caller's cancellation) before answering.</summary>
    private sealed class SlowToAnswerQueue(IJobQueue inner) : IJobQueue
    {
        public TaskCompletionSource Leased { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<LeasedJob?> LeaseAsync(IReadOnlyCollection<string> kinds, string holder, TimeSpan leaseTime, CancellationToken cancellationToken)
        {
            if (await inner.LeaseAsync(kinds, holder, leaseTime, CancellationToken.None) is not { } job) return null;
            Leased.TrySetResult();
            await Answer.Task.WaitAsync(cancellationToken);
            return job;
        }

        public Task EnqueueAsync(IReadOnlyCollection<JobRequest> jobs, CancellationToken cancellationToken) => inner.EnqueueAsync(jobs, cancellationToken);
        public Task<bool> ExtendLeaseAsync(LeasedJob job, TimeSpan leaseTime, CancellationToken cancellationToken) => inner.ExtendLeaseAsync(job, leaseTime, cancellationToken);
        public Task CompleteAsync(LeasedJob job, CancellationToken cancellationToken) => inner.CompleteAsync(job, cancellationToken);
        public Task ReleaseAsync(LeasedJob job, CancellationToken cancellationToken) => inner.ReleaseAsync(job, cancellationToken);
        public Task<JobState> FailAsync(LeasedJob job, string error, CancellationToken cancellationToken) => inner.FailAsync(job, error, cancellationToken);
        public Task<IReadOnlyList<DeadJob>> DeadAsync(int limit, CancellationToken cancellationToken) => inner.DeadAsync(limit, cancellationToken);
        public Task<int> RetryDeadAsync(long? id, CancellationToken cancellationToken) => inner.RetryDeadAsync(id, cancellationToken);
        public Task<JobCounts> CountsAsync(CancellationToken cancellationToken) => inner.CountsAsync(cancellationToken);
        public Task<TimeSpan?> NextDueInAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken) => inner.NextDueInAsync(kinds, cancellationToken);
    }

    /// <summary>Another process takes the role over, as after this one's lease expired: the next renewal finds it lost.</summary>
    private async Task StealRoleAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync(Ct);
        await using var steal = connection.CreateCommand();
        steal.CommandText = "UPDATE leaders SET holder = 'another process'";
        Assert.Equal(1, await steal.ExecuteNonQueryAsync(Ct));
    }

    private SqliteJobQueue Queue() => new(Database, TimeProvider.System, Options.RetryPolicy);

    /// <summary>A process's runner: its own queue and leadership over the shared file, a free kind and a kind of the clusterer role.</summary>
    private JobRunner Runner(string name, ConcurrentQueue<(string, string)> ran) =>
        new(Queue(), [new RecordingHandler(name, JobKinds.Fetch, null, ran), new RecordingHandler(name, JobKinds.Place, Leadership.Clusterer, ran)],
            Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<JobRunner>.Instance,
            roles: Roles());

    /// <summary>A process's roles: its own leadership over the shared file.</summary>
    private RoleKeeper Roles() => new(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<RoleKeeper>.Instance,
        new SqliteLeadership(Database, TimeProvider.System, Options.LeaseTime));

    private sealed class RecordingHandler(string runner, string kind, string? role, ConcurrentQueue<(string, string)> ran) : IJobHandler
    {
        public string Kind => kind;

        public string? Role => role;

        public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            ran.Enqueue((runner, kind));
        }
    }

    /// <summary>A clusterer's job that runs until it is stopped.</summary>
    private sealed class BlockingHandler : IJobHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => JobKinds.Place;

        public string? Role => Leadership.Clusterer;

        /// <summary>How many times this process took the role (and rebuilt what it keeps in memory).</summary>
        public int RoleTaken;

        /// <summary>How many runs of the job started.</summary>
        public int Runs;

        /// <summary>For each run, how many times the role had been taken before it.</summary>
        public ConcurrentQueue<int> RoleTakenBeforeRun { get; } = new();

        public Task RoleTakenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref RoleTaken);
            return Task.CompletedTask;
        }

        public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
        {
            RoleTakenBeforeRun.Enqueue(Volatile.Read(ref RoleTaken));
            Interlocked.Increment(ref Runs);
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Stopped.TrySetResult();
            }
        }
    }
}
