using ForeignDesk.Bench.Scale;
using ForeignDesk.Core;
using ForeignDesk.Store;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Bench.Tests.Scale;

public sealed class JobWaitsTests
{
    [Fact]
    public async Task ReadAsync_JobsLeasedAfterWaiting_RecordsEachLeaseOnceWithItsWaitByKind()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("foreigndesk-jobwaits-").FullName;
        try
        {
            // The queue's clock stands ten seconds behind the real one, which the trigger reads: each job waited that long since it was due.
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(10));
            var path = StoreServiceCollectionExtensions.SqliteFile(folder);
            await new SqliteArticleStore(path, time).MigrateAsync(ct);
            var store = new ScaleStore(folder, null);
            await JobWaits.InstallAsync(store, ct);
            var queue = new SqliteJobQueue(path, time, new JobRetryPolicy(5, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));
            await queue.EnqueueAsync([new JobRequest("fetch", "a"), new JobRequest("fetch", "b"), new JobRequest("poll", "c")], ct);

            var leased = new List<LeasedJob>();
            while (await queue.LeaseAsync(["fetch", "poll"], "bench", TimeSpan.FromMinutes(1), ct) is { } job) leased.Add(job);
            await queue.ExtendLeaseAsync(leased[0], TimeSpan.FromMinutes(2), ct);

            var waits = await JobWaits.ReadAsync(store, ct);
            Assert.Equal(3, leased.Count);
            Assert.Equal(2, waits["fetch"].Count);
            Assert.Single(waits["poll"]);
            Assert.All(waits.Values.SelectMany(w => w), wait => Assert.InRange(wait, 10_000, 70_000));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
