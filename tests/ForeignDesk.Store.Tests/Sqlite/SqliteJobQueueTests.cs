using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

public sealed class SqliteJobQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly JobRetryPolicy Policy = new(3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
    private static readonly string[] Fetch = [JobKinds.Fetch];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
    private TemporaryStore _temp = null!;
    private SqliteJobQueue _queue = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-jobs-", _time, Ct);
        _queue = new SqliteJobQueue(_temp.DatabasePath, _time, Policy);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task Enqueue_SameKindAndKeyTwice_IsOneJobWithTheLatestPayload()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "https://e.example/a", "1")], Ct);
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "https://e.example/a", "2"), new JobRequest(JobKinds.Translate, "https://e.example/a")], Ct);

        Assert.Equal(new JobCounts(2, 0, 0, 0), await _queue.CountsAsync(Ct));
        var job = await _queue.LeaseAsync(Fetch, "w1", Lease, Ct);
        Assert.NotNull(job);
        Assert.Equal("2", job.Payload);
        Assert.Null(await _queue.LeaseAsync(Fetch, "w2", Lease, Ct));
    }

    [Fact]
    public async Task Lease_OnlyTheKindsAsked_OldestFirst()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Place, "1")], Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "b"), new JobRequest(JobKinds.Fetch, "c")], Ct);

        var first = await _queue.LeaseAsync(Fetch, "w", Lease, Ct);
        var second = await _queue.LeaseAsync(Fetch, "w", Lease, Ct);

        Assert.Equal(["b", "c"], [first!.Key, second!.Key]);
        Assert.Null(await _queue.LeaseAsync(Fetch, "w", Lease, Ct));
        Assert.Equal(JobKinds.Place, (await _queue.LeaseAsync([JobKinds.Place, JobKinds.Fetch], "w", Lease, Ct))!.Kind);
    }

    [Fact]
    public async Task Complete_RemovesTheJob()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var job = await _queue.LeaseAsync(Fetch, "w", Lease, Ct);
        Assert.Equal(new JobCounts(0, 1, 0, 0), await _queue.CountsAsync(Ct));

        await _queue.CompleteAsync(job!, Ct);

        Assert.Equal(new JobCounts(0, 0, 0, 0), await _queue.CountsAsync(Ct));
        Assert.Null(await _queue.NextDueAsync(Fetch, Ct));
    }

    [Fact]
    public async Task Enqueue_WhileTheJobRuns_QueuesItOnceMoreWhenItCompletes()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a", "old")], Ct);
        var running = await _queue.LeaseAsync(Fetch, "w1", Lease, Ct);
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a", "new")], Ct);
        Assert.Null(await _queue.LeaseAsync(Fetch, "w2", Lease, Ct));

        await _queue.CompleteAsync(running!, Ct);

        var again = await _queue.LeaseAsync(Fetch, "w2", Lease, Ct);
        Assert.Equal("new", again!.Payload);
        await _queue.CompleteAsync(again, Ct);
        Assert.Equal(new JobCounts(0, 0, 0, 0), await _queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task ExpiredLease_AnotherWorkerTakesTheJob_AndTheFirstCanNoLongerCompleteIt()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var killed = await _queue.LeaseAsync(Fetch, "w1", Lease, Ct);
        _time.Advance(Lease / 2);
        Assert.Null(await _queue.LeaseAsync(Fetch, "w2", Lease, Ct));
        Assert.True(await _queue.ExtendLeaseAsync(killed!, Lease, Ct));
        _time.Advance(Lease);

        var taken = await _queue.LeaseAsync(Fetch, "w2", Lease, Ct);

        Assert.NotNull(taken);
        Assert.Equal(2, taken.Leases);
        Assert.Equal(0, taken.Failures);
        Assert.False(await _queue.ExtendLeaseAsync(killed!, Lease, Ct));
        await _queue.CompleteAsync(killed!, Ct);
        Assert.Equal(JobState.Running, await _queue.FailAsync(killed!, "late", Ct));
        Assert.Equal(new JobCounts(0, 1, 0, 0), await _queue.CountsAsync(Ct));
        await _queue.CompleteAsync(taken, Ct);
        Assert.Equal(new JobCounts(0, 0, 0, 0), await _queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task Fail_BacksOffExponentially_ThenDeadAfterTheLastFailure()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        var start = _time.GetUtcNow();

        Assert.Equal(JobState.Failed, await _queue.FailAsync((await _queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "one", Ct));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(10), await _queue.NextDueAsync(Fetch, Ct));
        Assert.Null(await _queue.LeaseAsync(Fetch, "w", Lease, Ct));
        Assert.Equal(new JobCounts(0, 0, 1, 0), await _queue.CountsAsync(Ct));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(JobState.Failed, await _queue.FailAsync((await _queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "two", Ct));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(20), await _queue.NextDueAsync(Fetch, Ct));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(JobState.Dead, await _queue.FailAsync((await _queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "three", Ct));

        Assert.Null(await _queue.NextDueAsync(Fetch, Ct));
        var dead = Assert.Single(await _queue.DeadAsync(10, Ct));
        Assert.Equal((JobKinds.Fetch, "a", 3, "three"), (dead.Kind, dead.Key, dead.Failures, dead.LastError));
        Assert.Equal(start + TimeSpan.FromSeconds(30), dead.DiedUtc);
        Assert.Equal(new JobCounts(0, 0, 0, 1), await _queue.CountsAsync(Ct));
    }

    [Fact]
    public async Task Enqueue_DuringBackoff_MakesTheJobDueNowWithItsFailuresKept_ButLeavesADeadJobDead()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        await _queue.FailAsync((await _queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "one", Ct);
        Assert.Null(await _queue.LeaseAsync(Fetch, "w", Lease, Ct));
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);

        var again = await _queue.LeaseAsync(Fetch, "w", Lease, Ct);
        Assert.Equal(("a", 1), (again!.Key, again.Failures));
        await _queue.FailAsync(again, "two", Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _queue.FailAsync((await _queue.LeaseAsync(Fetch, "w", Lease, Ct))!, "three", Ct);

        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a")], Ct);
        Assert.Equal("a", Assert.Single(await _queue.DeadAsync(10, Ct)).Key);
    }

    [Fact]
    public async Task RetryDead_OneOrAll_QueuesThemWithNoFailures()
    {
        await _queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "a"), new JobRequest(JobKinds.Fetch, "b"), new JobRequest(JobKinds.Fetch, "c")], Ct);
        var dead = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            while (await _queue.LeaseAsync(Fetch, "w", Lease, Ct) is { } job)
                if (await _queue.FailAsync(job, "down", Ct) == JobState.Dead) dead.Add(job.Id);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(3, dead.Count);

        Assert.Equal(1, await _queue.RetryDeadAsync(dead[0], Ct));
        Assert.Equal(0, await _queue.RetryDeadAsync(dead[0], Ct));
        Assert.Equal(new JobCounts(1, 0, 0, 2), await _queue.CountsAsync(Ct));
        Assert.Equal((dead[0], 0), await _queue.LeaseAsync(Fetch, "w", Lease, Ct) is { } retried ? (retried.Id, retried.Failures) : default);
        Assert.Equal(2, await _queue.RetryDeadAsync(null, Ct));
        Assert.Empty(await _queue.DeadAsync(10, Ct));
    }
}
