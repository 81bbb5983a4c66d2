using System.Collections.Concurrent;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Store.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

/// <summary>Per-host politeness across processes: fetchers that share a store space their requests to one host.</summary>
public sealed class SharedPolitenessTests : IAsyncLifetime
{
    private TemporaryStore _store = null!;
    private string Database => _store.DatabasePath;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TemporaryStore.CreateAsync("fd-politeness-", TimeProvider.System, Ct);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task FetchAsync_TwoProcessesFetchingOneHostAtOnce_StartTheirRequestsTheDelayApart()
    {
        var delay = TimeSpan.FromSeconds(1);
        var starts = new ConcurrentQueue<long>();
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/a/{id}", (string id) =>
        {
            starts.Enqueue(TimeProvider.System.GetTimestamp());
            return id;
        }), Ct);
        // Two fetchers, each with its own gate as two processes have, sharing only the store's file.
        using var first = TestFetchers.Create(o => o.MinDelayPerHost = delay, new SqliteHostSlots(Database, TimeProvider.System));
        using var second = TestFetchers.Create(o => o.MinDelayPerHost = delay, new SqliteHostSlots(Database, TimeProvider.System));

        // Warmed up on another host (the same server as "localhost"), so that neither spends the gap on its first request.
        var warm = new UriBuilder(server.Url("/a/warm")) { Host = "localhost" }.Uri;
        await Task.WhenAll(first.FetchAsync(new FetchRequest(warm), Ct), second.FetchAsync(new FetchRequest(warm), Ct));
        starts.Clear();

        var outcomes = await Task.WhenAll(
            first.FetchAsync(new FetchRequest(server.Url("/a/one")), Ct),
            second.FetchAsync(new FetchRequest(server.Url("/a/two")), Ct));

        Assert.All(outcomes, o => Assert.Equal(FetchStatus.Ok, o.Status));
        var ordered = starts.Order().ToArray();
        Assert.Equal(2, ordered.Length);
        var gap = TimeProvider.System.GetElapsedTime(ordered[0], ordered[1]);
        // The slots space the moments the requests are sent; the first may reach the server a little after its slot.
        // Without shared slots both arrive within a few milliseconds.
        Assert.True(gap >= delay / 2, $"the second process's request started {gap.TotalMilliseconds} ms after the first's");
    }
}
