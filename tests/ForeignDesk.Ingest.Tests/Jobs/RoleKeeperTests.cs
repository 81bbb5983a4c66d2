using System.Collections.Concurrent;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Jobs;

/// <summary>
/// The scheduler's duty runs in one process at a time sharing one store file: a holder killed (its lease left to expire)
/// is taken over by another process once the lease runs out; while one holds the role no other runs the duty; a holder
/// that stops hands it on.
/// </summary>
public sealed class RoleKeeperTests : IAsyncLifetime
{
    private static readonly JobOptions Options = new() { LeaseTime = TimeSpan.FromSeconds(1) };
    private TemporaryStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TemporaryStore.CreateAsync("fd-keeper-", TimeProvider.System, Ct);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task RunWhileHeld_HolderKilled_AnotherTakesOver_OnlyOneRunsTheDuty_AndAStoppedHolderHandsItOn()
    {
        var running = new ConcurrentDictionary<string, int>();
        var starts = new ConcurrentQueue<string>();
        // A worker that took the role and was killed: it never renews nor gives the role up.
        var killed = await Leadership().TryAcquireAsync(Core.Leadership.Scheduler, Ct);
        Assert.NotNull(killed);

        using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var first = Keeper().RunWhileHeldAsync(Core.Leadership.Scheduler, ct => DutyAsync("first", ct), stopFirst.Token);
        while (!running.ContainsKey("first")) await Task.Delay(20, Ct);
        Assert.False(await killed.RenewAsync(Ct));

        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var second = Keeper().RunWhileHeldAsync(Core.Leadership.Scheduler, ct => DutyAsync("second", ct), stopSecond.Token);
        // Several lease times, each with its renewals and the other's tries: the duty stays with the first.
        await Task.Delay(Options.LeaseTime * 4, Ct);
        Assert.Equal(["first"], starts);

        await stopFirst.CancelAsync();
        await first;
        while (!running.ContainsKey("second")) await Task.Delay(20, Ct);
        await stopSecond.CancelAsync();
        await second;

        Assert.Equal(["first", "second"], starts);
        Assert.True(running.Values.All(n => n == 0));

        async Task DutyAsync(string name, CancellationToken ct)
        {
            starts.Enqueue(name);
            running.AddOrUpdate(name, 1, (_, n) => n + 1);
            Assert.True(running.Values.Sum() <= 1, "two processes ran the duty at once");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                running.AddOrUpdate(name, 0, (_, n) => n - 1);
            }
        }
    }

    private SqliteLeadership Leadership() => new(_store.DatabasePath, TimeProvider.System, Options.LeaseTime);

    private RoleKeeper Keeper() => new(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<RoleKeeper>.Instance, Leadership());
}
