using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The durable job queue, on each engine through <c>AddStore</c>: one job per kind and key, leases, completion, retry
/// with backoff, dead letters. The retry policy is the contract's (<see cref="StoreContract"/>: 3 failures, 10 s first
/// delay, 1 min at most).
/// </summary>
public abstract class JobQueueContract(StoreEngine engine) : StoreContract(engine)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly string[] Fetch = [JobKinds.Fetch];

    private IJobQueue Queue => Services.GetRequiredService<IJobQueue>();
    [Fact]
    public async Task Enqueue_SameKindAndKeyTwice_IsOneJobWithTheLatestPayload()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "https://e.example/a", "1")], Ct);
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "https://e.example/a", "2"), new JobRequest(JobKinds.Translate, "https://e.example/a")], Ct);

        Assert.Equal(new JobCounts(2, 0, 0, 0), await Queue.CountsAsync(Ct));
        var job = await Queue.LeaseAsync(Fetch, "w1", Lease, Ct);
        Assert.NotNull(job);
        Assert.Equal("2", job.Payload);
        Assert.Null(await Queue.LeaseAsync(Fetch, "w2", Lease, Ct));
    }

    [Fact]
    public async Task AScheduledJob_WaitsUntilDue_UncountedAsQueued_ThenIsLeased()
    {
        var due = Time.GetUtcNow() + TimeSpan.FromMinutes(15);
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Recheck, "7/1", null, due)], Ct);
        string[] recheck = [JobKinds.Recheck];

        Assert.Equal(new JobCounts(0, 0, 0, 0), await Queue.CountsAsync(Ct));
        Assert.Null(await Queue.LeaseAsync(recheck, "w", Lease, Ct));
        Assert.Equal(TimeSpan.FromMinutes(15), await Queue.NextDueInAsync(recheck, Ct));

        await PassAsync(TimeSpan.FromMinutes(15));
        var job = await Queue.LeaseAsync(recheck, "w", Lease, Ct);
        Assert.Equal("7/1", job!.Key);
        await Queue.CompleteAsync(job, Ct);
        Assert.Null(await Queue.NextDueInAsync(recheck, Ct));
    }

    [Fact]
    public async Task AScheduledJob_EnqueuedAgain_KeepsTheEarlierTime_AndEnqueuedForNow_RunsAtOnce()
    {
        var now = Time.GetUtcNow();
        string[] recheck = [JobKinds.Recheck];
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Recheck, "7/2", null, now + TimeSpan.FromMinutes(45))], Ct);
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Recheck, "7/2", null, now + TimeSpan.FromHours(2))], Ct);
        Assert.Equal(TimeSpan.FromMinutes(45), await Queue.NextDueInAsync(recheck, Ct));

        await Queue.EnqueueAsync([new JobRequest(JobKinds.Recheck, "7/2")], Ct);

        Assert.Equal(new JobCounts(1, 0, 0, 0), await Queue.CountsAsync(Ct));
        Assert.Equal("7/2", (await Queue.LeaseAsync(recheck, "w", Lease, Ct))!.Key);
    }

    [Fact]
    public async Task Lease_OnlyTheKindsAsked_OldestFirst()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Place, "1")], Ct);
        await PassAsync(TimeSpan.FromSeconds(1));
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "b"), new JobRequest(JobKinds.Fetch, "c")], Ct);

        var first = await Queue.LeaseAsync(Fetch, "w", Lease, Ct);
        var second = await Queue.LeaseAsync(Fetch, "w", Lease, Ct);

        Assert.Equal(["b", "c"], [first!.Key, second!.Key]);
        Assert.Null(await Queue.LeaseAsync(Fetch, "w", Lease, Ct));
        Assert.Equal(JobKinds.Place, (await Queue.LeaseAsync([JobKinds.Place, JobKinds.Fetch], "w", Lease, Ct))!.Kind);
    }

    [Fact]
    public async Task AJobQueuedBehind_IsLeasedAfterTheJobsQueuedUntilItsPlace_ButAtOnce()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a/2", Behind: TimeSpan.FromSeconds(2)), new JobRequest(JobKinds.Fetch, "a/1")], Ct);
        await PassAsync(TimeSpan.FromSeconds(1));
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "b/1")], Ct);

        Assert.Equal(new JobCounts(3, 0, 0, 0), await Queue.CountsAsync(Ct));
        Assert.Equal(TimeSpan.Zero, await Queue.NextDueInAsync(Fetch, Ct));
        var leased = new List<string>();
        while (await Queue.LeaseAsync(Fetch, "w", Lease, Ct) is { } job) leased.Add(job.Key);
        Assert.Equal(["a/1", "b/1", "a/2"], leased);
    }

    [Fact]
    public async Task Complete_RemovesTheJob()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var job = await Queue.LeaseAsync(Fetch, "w", Lease, Ct);
        Assert.Equal(new JobCounts(0, 1, 0, 0), await Queue.CountsAsync(Ct));

        await Queue.CompleteAsync(job!, Ct);

        Assert.Equal(new JobCounts(0, 0, 0, 0), await Queue.CountsAsync(Ct));
        Assert.Null(await Queue.NextDueInAsync(Fetch, Ct));
    }

    [Fact]
    public async Task Enqueue_WhileTheJobRuns_QueuesItOnceMoreWhenItCompletes()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a", "old")], Ct);
        var running = await Queue.LeaseAsync(Fetch, "w1", Lease, Ct);
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a", "new")], Ct);
        Assert.Null(await Queue.LeaseAsync(Fetch, "w2", Lease, Ct));

        await Queue.CompleteAsync(running!, Ct);

        var again = await Queue.LeaseAsync(Fetch, "w2", Lease, Ct);
        Assert.Equal("new", again!.Payload);
        await Queue.CompleteAsync(again, Ct);
        Assert.Equal(new JobCounts(0, 0, 0, 0), await Queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task ExpiredLease_AnotherWorkerTakesTheJob_AndTheFirstCanNoLongerCompleteIt()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var killed = await Queue.LeaseAsync(Fetch, "w1", Lease, Ct);
        await PassAsync(Lease / 2);
        Assert.Null(await Queue.LeaseAsync(Fetch, "w2", Lease, Ct));
        Assert.True(await Queue.ExtendLeaseAsync(killed!, Lease, Ct));
        await PassAsync(Lease);

        var taken = await Queue.LeaseAsync(Fetch, "w2", Lease, Ct);

        Assert.NotNull(taken);
        Assert.Equal(2, taken.Leases);
        Assert.Equal(1, taken.Failures);
        Assert.False(await Queue.ExtendLeaseAsync(killed!, Lease, Ct));
        await Queue.CompleteAsync(killed!, Ct);
        Assert.Equal(JobState.Running, await Queue.FailAsync(killed!, "late", Ct));
        Assert.Equal(new JobCounts(0, 1, 0, 0), await Queue.CountsAsync(Ct));
        await Queue.CompleteAsync(taken, Ct);
        Assert.Equal(new JobCounts(0, 0, 0, 0), await Queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task Lease_ByAWorkerWhoseClockJumpedADayAhead_LeavesTheRunningJob_UntilItsLeaseReallyExpires()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var running = (await Queue.LeaseAsync(Fetch, "w1", Lease, Ct))!;
        var jumped = new JumpingClock(Time, Time.GetUtcNow() + TimeSpan.FromDays(1));
        await using var other = ServicesAt(jumped);
        var otherQueue = other.GetRequiredService<IJobQueue>();

        Assert.Null(await otherQueue.LeaseAsync(Fetch, "w2", Lease, Ct));
        await PassAsync(Lease / 2);
        Assert.Null(await otherQueue.LeaseAsync(Fetch, "w2", Lease, Ct));
        Assert.True(await Queue.ExtendLeaseAsync(running, Lease, Ct));
        await PassAsync(Lease / 2);
        Assert.Null(await otherQueue.LeaseAsync(Fetch, "w2", Lease, Ct));
        Assert.Equal(new JobCounts(0, 1, 0, 0), await otherQueue.CountsAsync(Ct));

        // The first worker is killed: once its lease has really run out, the jumped worker takes the job.
        await PassAsync(Lease);
        var taken = await otherQueue.LeaseAsync(Fetch, "w2", Lease, Ct);
        Assert.Equal(("a", 1), taken is null ? default : (taken.Key, taken.Failures));
        Assert.Null(await Queue.LeaseAsync(Fetch, "w3", Lease, Ct));
    }

    [Fact]
    public async Task Lease_ByAWorkerWhoseClockWentADayBack_TakesAKilledWorkersJobOnceItsLeaseExpires()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        Assert.NotNull(await Queue.LeaseAsync(Fetch, "killed", Lease, Ct));
        var back = new JumpingClock(Time, Time.GetUtcNow() - TimeSpan.FromDays(1));
        await using var other = ServicesAt(back);
        var otherQueue = other.GetRequiredService<IJobQueue>();
        Assert.Null(await otherQueue.LeaseAsync(Fetch, "w2", Lease, Ct));
        Assert.Equal(Lease, await otherQueue.NextDueInAsync(Fetch, Ct));

        await PassAsync(Lease);

        Assert.Equal(TimeSpan.Zero, await otherQueue.NextDueInAsync(Fetch, Ct));
        Assert.Equal("a", (await otherQueue.LeaseAsync(Fetch, "w2", Lease, Ct))?.Key);
    }

    [Fact]
    public async Task ExpiredLease_EachCountsAsAFailure_AndAJobThatKillsEveryWorkerEndsDeadWithTheReason()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "poison")], Ct);
        var poison = (await Queue.LeaseAsync(Fetch, "w1", Lease, Ct))!;
        Assert.Equal(("poison", 0), (poison.Key, poison.Failures));

        // Each worker that takes it is killed mid-job: its lease expires, and the next lease counts a failure.
        for (var killed = 1; killed < 3; killed++)
        {
            await PassAsync(Lease);
            poison = (await Queue.LeaseAsync(Fetch, $"w{killed + 1}", Lease, Ct))!;
            Assert.Equal(("poison", killed, killed + 1), (poison.Key, poison.Failures, poison.Leases));
        }
        await PassAsync(Lease);
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "later")], Ct);

        // The third expiry is its last allowed failure: dead, and the next due job is leased instead.
        var next = await Queue.LeaseAsync(Fetch, "w4", Lease, Ct);
        Assert.Equal(("later", 0), (next!.Key, next.Failures));
        var dead = Assert.Single(await Queue.DeadAsync(10, Ct));
        Assert.Equal(("poison", 3, "lease expired 3 times: the worker stopped while running it", Time.GetUtcNow()),
            (dead.Key, dead.Failures, dead.LastError, dead.DiedUtc));
        Assert.Equal(new JobCounts(0, 1, 0, 1), await Queue.CountsAsync(Ct));
        Assert.Equal(JobState.Running, await Queue.FailAsync(poison, "too late", Ct));

        Assert.Equal(1, await Queue.RetryDeadAsync(dead.Id, Ct));
        Assert.Equal(("poison", 0), await Queue.LeaseAsync(Fetch, "w5", Lease, Ct) is { } retried ? (retried.Key, retried.Failures) : default);
    }

    [Fact]
    public async Task ExpiredLease_ThenAnOrdinaryFailure_BothCount_TheLastErrorSaysWhatHappened()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        await Queue.LeaseAsync(Fetch, "killed", Lease, Ct);
        await PassAsync(Lease);
        var second = (await Queue.LeaseAsync(Fetch, "w", Lease, Ct))!;
        Assert.Equal(JobState.Failed, await Queue.FailAsync(second, "timeout", Ct));
        Assert.Equal(TimeSpan.FromSeconds(20), await Queue.NextDueInAsync(Fetch, Ct));
        await PassAsync(TimeSpan.FromSeconds(20));
        await Queue.LeaseAsync(Fetch, "killed", Lease, Ct);
        await PassAsync(Lease);

        Assert.Null(await Queue.LeaseAsync(Fetch, "w", Lease, Ct));

        var dead = Assert.Single(await Queue.DeadAsync(10, Ct));
        Assert.Equal((3, "lease expired 2 times: the worker stopped while running it"), (dead.Failures, dead.LastError));
    }

    [Fact]
    public async Task Release_QueuesTheJobAgainAtOnceWithNoFailure_AndALostLeaseReleasesNothing()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var stopping = (await Queue.LeaseAsync(Fetch, "w1", Lease, Ct))!;

        await Queue.ReleaseAsync(stopping, Ct);

        Assert.Equal(new JobCounts(1, 0, 0, 0), await Queue.CountsAsync(Ct));
        var taken = (await Queue.LeaseAsync(Fetch, "w2", Lease, Ct))!;
        Assert.Equal(("a", 0, 2), (taken.Key, taken.Failures, taken.Leases));
        await Queue.ReleaseAsync(stopping, Ct);
        Assert.Equal(new JobCounts(0, 1, 0, 0), await Queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task Fail_BacksOffExponentially_ThenDeadAfterTheLastFailure()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var start = Time.GetUtcNow();

        Assert.Equal(JobState.Failed, await Queue.FailAsync((await Queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "one", Ct));
        Assert.Equal(TimeSpan.FromSeconds(10), await Queue.NextDueInAsync(Fetch, Ct));
        Assert.Null(await Queue.LeaseAsync(Fetch, "w", Lease, Ct));
        Assert.Equal(new JobCounts(0, 0, 1, 0), await Queue.CountsAsync(Ct));
        await PassAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(JobState.Failed, await Queue.FailAsync((await Queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "two", Ct));
        Assert.Equal(TimeSpan.FromSeconds(20), await Queue.NextDueInAsync(Fetch, Ct));
        await PassAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(JobState.Dead, await Queue.FailAsync((await Queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "three", Ct));

        Assert.Null(await Queue.NextDueInAsync(Fetch, Ct));
        var dead = Assert.Single(await Queue.DeadAsync(10, Ct));
        Assert.Equal((JobKinds.Fetch, "a", 3, "three"), (dead.Kind, dead.Key, dead.Failures, dead.LastError));
        Assert.Equal(start + TimeSpan.FromSeconds(30), dead.DiedUtc);
        Assert.Equal(new JobCounts(0, 0, 0, 1), await Queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task Enqueue_DuringBackoff_MakesTheJobDueNowWithItsFailuresKept_ButLeavesADeadJobDead()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        await Queue.FailAsync((await Queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "one", Ct);
        Assert.Null(await Queue.LeaseAsync(Fetch, "w", Lease, Ct));
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);

        var again = await Queue.LeaseAsync(Fetch, "w", Lease, Ct);
        Assert.Equal(("a", 1), (again!.Key, again.Failures));
        await Queue.FailAsync(again, "two", Ct);
        await PassAsync(TimeSpan.FromMinutes(1));
        await Queue.FailAsync((await Queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "three", Ct);

        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        Assert.Equal("a", Assert.Single(await Queue.DeadAsync(10, Ct)).Key);
    }

    [Fact]
    public async Task RetryDead_OneOrAll_QueuesThemWithNoFailures()
    {
        await Queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a"), new JobRequest(JobKinds.Fetch, "b"), new JobRequest(JobKinds.Fetch, "c")], Ct);
        var dead = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            while (await Queue.LeaseAsync(Fetch, "w", Lease, Ct) is { } job)
                if (await Queue.FailAsync(job, "down", Ct) == JobState.Dead) dead.Add(job.Id);
            await PassAsync(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(3, dead.Count);

        Assert.Equal(1, await Queue.RetryDeadAsync(dead[0], Ct));
        Assert.Equal(0, await Queue.RetryDeadAsync(dead[0], Ct));
        Assert.Equal(new JobCounts(1, 0, 0, 2), await Queue.CountsAsync(Ct));
        Assert.Equal((dead[0], 0), await Queue.LeaseAsync(Fetch, "w", Lease, Ct) is { } retried ? (retried.Id, retried.Failures) : default);
        Assert.Equal(2, await Queue.RetryDeadAsync(null, Ct));
        Assert.Empty(await Queue.DeadAsync(10, Ct));
    }
}
