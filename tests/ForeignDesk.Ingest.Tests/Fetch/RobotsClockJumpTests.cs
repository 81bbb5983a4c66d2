using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

/// <summary>
/// The robots.txt a fetcher keeps for a day, while the machine's wall clock is stepped: a day forward does not send a
/// new robots.txt request for every site at once, and a step back does not keep a robots.txt past a day of real time.
/// </summary>
public sealed class RobotsClockJumpTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RobotsTxt_WallClockJumpsForwardThenBack_AskedAgainOnlyAfterADayOfRealTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var robotsRequests = 0;
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () =>
            {
                Interlocked.Increment(ref robotsRequests);
                return Results.Text("User-agent: *\nDisallow: /private\n");
            });
            app.MapGet("/{page}", (string page) => Results.Text($"<html><body>{page}</body></html>", "text/html"));
        }, ct);
        var steady = new FakeTimeProvider(Start);
        var clock = new JumpingClock(steady, Start);
        using var fetcher = TestFetchers.Create(o => o.ObeyRobots = true, time: clock);

        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(new FetchRequest(server.Url("/a")), ct)).Status);
        Assert.Equal(1, robotsRequests);

        clock.Jump(TimeSpan.FromDays(1));
        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(new FetchRequest(server.Url("/b")), ct)).Status);
        Assert.Equal(FetchStatus.RobotsDisallowed, (await fetcher.FetchAsync(new FetchRequest(server.Url("/private")), ct)).Status);
        Assert.Equal(1, robotsRequests);

        clock.Jump(TimeSpan.FromDays(-2));
        steady.Advance(RobotsCache.KeepFor - TimeSpan.FromMinutes(1));
        await fetcher.FetchAsync(new FetchRequest(server.Url("/c")), ct);
        Assert.Equal(1, robotsRequests);

        steady.Advance(TimeSpan.FromMinutes(2));
        await fetcher.FetchAsync(new FetchRequest(server.Url("/d")), ct);
        Assert.Equal(2, robotsRequests);
    }
}
