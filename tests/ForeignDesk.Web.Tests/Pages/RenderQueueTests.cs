using System.Text.Json;
using ForeignDesk.Web.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

public sealed class RenderQueueTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private static RenderQueue Queue(int concurrency, int queueLength, int searches = 1) =>
        new(Options.Create(new SiteOptions { RenderConcurrency = concurrency, RenderQueueLength = queueLength, SearchConcurrency = searches }));

    private static DefaultHttpContext Request(string path, CancellationToken aborted = default)
    {
        var context = new DefaultHttpContext { RequestServices = Services, RequestAborted = aborted };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>A render that runs until its gate opens, recording the order renders started in.</summary>
    private sealed class HeldRenders
    {
        private readonly Dictionary<string, TaskCompletionSource> gates = [];

        public List<string> Started { get; } = [];

        public RequestDelegate Next => async context =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (Started)
            {
                Started.Add(context.Request.Path);
                gates[context.Request.Path] = gate;
            }
            await gate.Task;
            context.Response.StatusCode = 200;
        };

        public void Finish(string path)
        {
            lock (Started) gates[path].SetResult();
        }
    }

    [Fact]
    public async Task Renders_BeyondTheLimit_WaitAndStartInArrivalOrder()
    {
        var queue = Queue(concurrency: 1, queueLength: 10);
        var renders = new HeldRenders();

        var first = queue.InvokeAsync(Request("/a"), renders.Next);
        var waiting = new[] { "/b", "/c", "/d" }.Select(path => queue.InvokeAsync(Request(path), renders.Next)).ToList();

        Assert.Equal(["/a"], renders.Started);
        Assert.Equal(3, queue.Waiting);
        foreach (var (finished, next) in new[] { ("/a", "/b"), ("/b", "/c"), ("/c", "/d") })
        {
            renders.Finish(finished);
            await WaitUntilAsync(() => renders.Started.Contains(next));
        }
        renders.Finish("/d");
        await Task.WhenAll([first, .. waiting]);
        Assert.Equal(["/a", "/b", "/c", "/d"], renders.Started);
        Assert.Equal(0, queue.Waiting);
    }

    [Fact]
    public async Task Request_WhenTheQueueIsFull_IsTurnedAwayAtOnceWith503AndRetryAfter()
    {
        var queue = Queue(concurrency: 1, queueLength: 1);
        var renders = new HeldRenders();
        var running = queue.InvokeAsync(Request("/api/v1/articles/1"), renders.Next);
        var queued = queue.InvokeAsync(Request("/api/v1/articles/2"), renders.Next);

        var turnedAway = Request("/api/v1/articles/3");
        await queue.InvokeAsync(turnedAway, renders.Next);

        Assert.Equal(503, turnedAway.Response.StatusCode);
        Assert.Equal("1", turnedAway.Response.Headers.RetryAfter.ToString());
        turnedAway.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(turnedAway.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(["/api/v1/articles/1"], renders.Started);

        renders.Finish("/api/v1/articles/1");
        await WaitUntilAsync(() => renders.Started.Count == 2);
        renders.Finish("/api/v1/articles/2");
        await Task.WhenAll(running, queued);
        Assert.DoesNotContain("/api/v1/articles/3", renders.Started);
    }

    [Fact]
    public async Task Searches_WaitInTheirOwnLine_AndLeaveThePagesSlotsFree()
    {
        var queue = Queue(concurrency: 1, queueLength: 1, searches: 1);
        var renders = new HeldRenders();
        var searching = queue.InvokeAsync(Request("/search"), renders.Next);
        var waitingSearch = queue.InvokeAsync(Request("/search.json"), renders.Next);

        // The search line is full: a third search is turned away, while a page still renders at once.
        var turnedAway = Request("/api/v1/search");
        await queue.InvokeAsync(turnedAway, renders.Next);
        Assert.Equal(503, turnedAway.Response.StatusCode);
        var page = queue.InvokeAsync(Request("/article/1"), renders.Next);
        Assert.Equal(["/search", "/article/1"], renders.Started);
        Assert.Equal(1, queue.Waiting);

        // A page's line is its own too: a second page waits for the first, not for the searches.
        var waitingPage = queue.InvokeAsync(Request("/article/2"), renders.Next);
        Assert.Equal(2, queue.Waiting);
        renders.Finish("/article/1");
        await WaitUntilAsync(() => renders.Started.Contains("/article/2"));
        Assert.DoesNotContain("/search.json", renders.Started);
        renders.Finish("/search");
        await WaitUntilAsync(() => renders.Started.Contains("/search.json"));
        renders.Finish("/article/2");
        renders.Finish("/search.json");
        await Task.WhenAll(searching, waitingSearch, page, waitingPage);
        Assert.Equal(0, queue.Waiting);
        Assert.DoesNotContain("/api/v1/search", renders.Started);
    }

    [Fact]
    public async Task Probes_WhileEverySlotIsTaken_AnswerWithoutWaiting()
    {
        var queue = Queue(concurrency: 1, queueLength: 1);
        var renders = new HeldRenders();
        var running = queue.InvokeAsync(Request("/article/1"), renders.Next);
        var queued = queue.InvokeAsync(Request("/article/2"), renders.Next);

        foreach (var path in new[] { "/healthz", "/readyz", "/assets/site.abc.css" })
        {
            var probe = Request(path);
            await queue.InvokeAsync(probe, context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
            Assert.Equal(204, probe.Response.StatusCode);
        }

        renders.Finish("/article/1");
        await WaitUntilAsync(() => renders.Started.Count == 2);
        renders.Finish("/article/2");
        await Task.WhenAll(running, queued);
    }

    [Fact]
    public async Task WaitingRequest_WhoseReaderLeaves_NeverRendersAndFreesItsPlace()
    {
        var queue = Queue(concurrency: 1, queueLength: 1);
        var renders = new HeldRenders();
        var running = queue.InvokeAsync(Request("/article/1"), renders.Next);
        using var leaves = new CancellationTokenSource();
        var abandoned = queue.InvokeAsync(Request("/article/2", leaves.Token), renders.Next);

        await leaves.CancelAsync();
        await abandoned;
        Assert.Equal(0, queue.Waiting);
        var next = queue.InvokeAsync(Request("/article/3"), renders.Next);
        Assert.Equal(1, queue.Waiting);

        renders.Finish("/article/1");
        await WaitUntilAsync(() => renders.Started.Count == 2);
        renders.Finish("/article/3");
        await Task.WhenAll(running, next);
        Assert.Equal(["/article/1", "/article/3"], renders.Started);
    }

    [Fact]
    public async Task Site_WithOneRenderSlot_AnswersManyUncachedPagesAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SiteServer.StartAsync(ct, settings: new Dictionary<string, string?>
        {
            ["Site:RenderConcurrency"] = "1",
        });

        var paths = new[] { "/", "/privacy", "/about", "/search?q=news", "/date/2026-11-28", "/status", "/api/v1/articles", "/feed.xml" };
        var answers = await Task.WhenAll(paths.Select(path => server.Client.GetAsync(path, ct)));

        Assert.All(answers, answer => Assert.True(answer.IsSuccessStatusCode, $"{answer.RequestMessage!.RequestUri} answered {(int)answer.StatusCode}"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(condition(), "the condition did not hold within 5 s");
    }
}
