using System.Collections.Concurrent;
using ForeignDesk.Ingest.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

public sealed class PageFetcherLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_EndlessBodyOverCap_ReturnsTooLargeAndHangsUp()
    {
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/endless", async context =>
        {
            // No Content-Length and no end: only a client that stops reading ends this response.
            var chunk = new byte[64 * 1024];
            try
            {
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client hung up, as it should once the cap is passed.
            }
            finally
            {
                hungUp.TrySetResult();
            }
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.MaxBodyBytes = 256 * 1024);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/endless")), Ct);

        Assert.Equal(FetchStatus.TooLarge, outcome.Status);
        Assert.Equal("response exceeds 256 KiB", outcome.Error);
        Assert.Null(outcome.Page);
        await hungUp.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverCap_ReturnsTooLarge()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/big", async context =>
        {
            context.Response.ContentLength = 20 * 1024 * 1024;
            await context.Response.Body.WriteAsync(new byte[1024], context.RequestAborted);
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.MaxBodyBytes = 10 * 1024 * 1024);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/big")), Ct);

        Assert.Equal(FetchStatus.TooLarge, outcome.Status);
        Assert.Equal("response exceeds 10 MiB", outcome.Error);
    }

    [Fact]
    public async Task FetchAsync_ServerNeverAnswers_ReturnsTimeout()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/silent", async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.Timeout = TimeSpan.FromMilliseconds(500));

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/silent")), Ct);

        Assert.Equal(FetchStatus.Timeout, outcome.Status);
        Assert.Equal("timed out after 0.5 s", outcome.Error);
    }

    [Fact]
    public async Task FetchAsync_RobotsDisallowsPath_ReturnsRobotsDisallowedAndFetchesRobotsOnce()
    {
        var robotsHits = 0;
        var pageHits = 0;
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () =>
            {
                Interlocked.Increment(ref robotsHits);
                return "User-agent: *\nDisallow: /private\n\nUser-agent: OtherBot\nDisallow: /\n";
            });
            app.MapGet("/private/{*rest}", () =>
            {
                Interlocked.Increment(ref pageHits);
                return "no";
            });
            app.MapGet("/news/{*rest}", () => "yes");
        }, Ct);
        using var fetcher = TestFetchers.Create(o => o.ObeyRobots = true);

        var blocked = await fetcher.FetchAsync(new FetchRequest(server.Url("/private/report")), Ct);
        var allowed = await fetcher.FetchAsync(new FetchRequest(server.Url("/news/today")), Ct);

        Assert.Equal(FetchStatus.RobotsDisallowed, blocked.Status);
        Assert.Equal("robots.txt disallows /private/report", blocked.Error);
        Assert.Equal(FetchStatus.Ok, allowed.Status);
        Assert.Equal(0, pageHits);
        Assert.Equal(1, robotsHits);
    }

    [Fact]
    public async Task FetchAsync_RobotsMissing_AllowsEverything()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/page", () => "ok"), Ct);
        using var fetcher = TestFetchers.Create(o => o.ObeyRobots = true);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/page")), Ct);

        Assert.Equal(FetchStatus.Ok, outcome.Status);
    }

    [Fact]
    public async Task FetchAsync_TwoRequestsToOneHost_RunOneAfterTheOtherWithDelay()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        var visits = new ConcurrentQueue<(string Path, long Start, long End)>();
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/slow/{id}", async (string id, HttpContext context) =>
        {
            var start = TimeProvider.System.GetTimestamp();
            await Task.Delay(200, context.RequestAborted);
            visits.Enqueue((id, start, TimeProvider.System.GetTimestamp()));
            return id;
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.MinDelayPerHost = delay);

        var outcomes = await Task.WhenAll(
            fetcher.FetchAsync(new FetchRequest(server.Url("/slow/one")), Ct),
            fetcher.FetchAsync(new FetchRequest(server.Url("/slow/two")), Ct));

        Assert.All(outcomes, o => Assert.Equal(FetchStatus.Ok, o.Status));
        var ordered = visits.OrderBy(v => v.Start).ToArray();
        Assert.Equal(2, ordered.Length);
        var gap = TimeProvider.System.GetElapsedTime(ordered[0].End, ordered[1].Start);
        Assert.True(gap >= delay - TimeSpan.FromMilliseconds(50), $"second request started {gap.TotalMilliseconds} ms after the first ended");
    }
}
