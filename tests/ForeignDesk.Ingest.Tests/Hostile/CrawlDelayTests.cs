using System.Collections.Concurrent;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Tests.Fetch;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Hostile;

/// <summary>robots.txt Crawl-delay: read for our group (else <c>*</c>), capped, and kept between requests to the host.</summary>
public sealed class CrawlDelayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("User-agent: *\nCrawl-delay: 2\n", 2.0)]
    [InlineData("User-agent: *\nCrawl-delay: 9\n\nUser-agent: ForeignDesk\nCrawl-delay: 0.5\nDisallow: /x\n", 0.5)]
    [InlineData("User-agent: OtherBot\nCrawl-delay: 7\n", null)]
    [InlineData("User-agent: *\nCrawl-delay: 86400\n", 60.0)]
    [InlineData("User-agent: *\nCrawl-delay: soon\n", null)]
    [InlineData("User-agent: *\nCrawl-delay: -3\n", null)]
    public void Parse_CrawlDelay_ReadForOurGroup(string text, double? seconds)
    {
        var rules = RobotsRules.Parse(text, "ForeignDesk");

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, rules.CrawlDelay);
    }

    [Fact]
    public async Task FetchAsync_RobotsCrawlDelay_KeepsThatPauseBetweenRequests()
    {
        var starts = new ConcurrentQueue<(string Path, long At)>();
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nCrawl-delay: 0.6\n");
            app.MapGet("/page/{id}", (string id) =>
            {
                starts.Enqueue((id, TimeProvider.System.GetTimestamp()));
                return id;
            });
        }, Ct);
        using var fetcher = TestFetchers.Create(o => o.ObeyRobots = true);

        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("/page/1")), Ct);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("/page/2")), Ct);

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal(FetchStatus.Ok, second.Status);
        var visits = starts.ToArray();
        Assert.Equal(2, visits.Length);
        var gap = TimeProvider.System.GetElapsedTime(visits[0].At, visits[1].At);
        Assert.True(gap >= TimeSpan.FromMilliseconds(550), $"second request came {gap.TotalMilliseconds} ms after the first; Crawl-delay asks 600 ms");
    }
}
