using System.Text;
using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.EndToEnd;
using ForeignDesk.Web.Tests.Faults;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// The real program's <c>ingest --once</c>, and its <c>worker</c>, killed at random points (SIGKILL and SIGTERM, in turn) while it runs the
/// pipeline's jobs (poll, fetch, translate, place) for an outlet whose feed sends an ETag, then run to its end: the
/// jobs a killed process held are taken again once their lease expires, every article is stored exactly once,
/// translated (or set aside for an engine) and placed in a story, and no job is left queued, running, failed or dead.
/// </summary>
public sealed class KilledIngestTests : IAsyncLifetime
{
    private const int Articles = 24;
    private const int Kills = 20;
    private const string FeedETag = "\"feed-v1\"";

    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-killed-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task IngestOnce_KilledMidJobAtRandomPointsThenRunToItsEnd_StoresEveryArticleExactlyOnceTranslatedAndPlacedWithNoJobLeft()
    {
        await using var outlet = await ServeOutletAsync();
        var feed = await AddSourceAsync(outlet);

        var random = new Random(11);
        for (var run = 0; run < Kills; run++)
            await RunAndKillAsync(TimeSpan.FromMilliseconds(random.Next(200, 2500)), terminate: run % 2 == 1);
        var last = await RunAndKillAsync(TimeSpan.FromMinutes(5), terminate: false);
        Assert.True(last.ExitCode == 0, last.Error);

        SqliteConnection.ClearAllPools();
        await AssertEveryArticleOnceTranslatedAndPlacedAsync(feed);
    }

    [Fact]
    public async Task Worker_KilledMidJobAndRestarted_StoresEveryArticleExactlyOnceTranslatedAndPlaced_AndAnswersOnlyItsProbes()
    {
        await using var outlet = await ServeOutletAsync();
        var feed = await AddSourceAsync(outlet);

        var random = new Random(13);
        for (var run = 0; run < Kills / 4; run++)
        {
            using var killed = PipelineProcess.Start(_data, Ct, "worker", "--urls", $"http://127.0.0.1:{FreePort()}");
            await killed.WaitAsync(TimeSpan.FromMilliseconds(random.Next(500, 3000)), Ct);
            await killed.StopAsync(terminate: run % 2 == 1, Ct);
        }
        var port = FreePort();
        using var worker = PipelineProcess.Start(_data, Ct, "worker", "--urls", $"http://127.0.0.1:{port}");
        await using (var app = AppHost.Build(new HostSettings(_data, MinimumLogLevel: LogLevel.Warning)))
        {
            var store = app.Services.GetRequiredService<IArticleStore>();
            var jobs = app.Services.GetRequiredService<IJobQueue>();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && !(await store.UntranslatedAsync(1, Ct) is [] && await jobs.CountsAsync(Ct) == new JobCounts(0, 0, 0, 0)
                && (await store.ListSourcesAsync(Ct)).Single() is { } source && (await store.FromSourceAsync(source.Id, null, 100, Ct)).Items.Count == Articles))
                await Task.Delay(200, Ct);
        }
        using (var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") })
        {
            Assert.Equal("ok", await probe.GetStringAsync("/healthz", Ct));
            Assert.Equal("ready", await probe.GetStringAsync("/readyz", Ct));
            using var home = await probe.GetAsync("/", Ct);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, home.StatusCode);
        }
        var stopped = await worker.StopAsync(terminate: true, Ct);
        Assert.True(stopped.ExitCode == 0, stopped.Error);

        SqliteConnection.ClearAllPools();
        await AssertEveryArticleOnceTranslatedAndPlacedAsync(feed);
    }

    /// <summary>An outlet whose feed (with an ETag) lists <see cref="Articles"/> French articles, each served after 40 ms.</summary>
    private static Task<WebApplication> ServeOutletAsync() =>
        PipelineSite.ServeAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext context) =>
            {
                if (context.Request.Headers.IfNoneMatch == FeedETag) return Results.StatusCode(StatusCodes.Status304NotModified);
                context.Response.Headers.ETag = FeedETag;
                var home = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
                var items = Enumerable.Range(1, Articles).Select(i => (new Uri(home, $"/a/{i}.html"), NumberedOutlet.Title(i), $"Sun, 29 Nov 2026 {i % 24:00}:00:00 GMT"));
                return Results.Text(OutletPages.Rss("Le Courrier", home, items), "application/rss+xml", Encoding.UTF8);
            });
            app.MapGet("/a/{number:int}.html", async (int number, CancellationToken aborted) =>
            {
                await Task.Delay(40, aborted);
                return Results.Text(OutletPages.French(NumberedOutlet.Article(number)), "text/html", Encoding.UTF8);
            });
        }, Ct);

    /// <returns>The outlet's feed.</returns>
    private async Task<Uri> AddSourceAsync(WebApplication outlet)
    {
        var feed = new Uri(new Uri(outlet.Urls.First()), "/feed.xml");
        var added = await CliProcess.RunAsync(_data, null, Ct, "sources", "add", "--name", "Le Courrier", "--feed", feed.AbsoluteUri, "--language", "fr");
        Assert.Equal(0, added.ExitCode);
        return feed;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Every article stored exactly once, translated (or set aside for an engine), placed in a story; no job left.</summary>
    private async Task AssertEveryArticleOnceTranslatedAndPlacedAsync(Uri feed)
    {
        await using var app = AppHost.Build(new HostSettings(_data, MinimumLogLevel: LogLevel.Warning));
        var store = app.Services.GetRequiredService<IArticleStore>();
        var stories = app.Services.GetRequiredService<IStoryStore>();
        var source = Assert.Single(await store.ListSourcesAsync(Ct));
        var stored = (await store.FromSourceAsync(source.Id, null, 100, Ct)).Items;
        Assert.Equal(Articles, stored.Count);
        Assert.Equal(Articles, stored.Select(a => a.Id).Distinct().Count());
        for (var i = 1; i <= Articles; i++)
        {
            var article = await store.FindByUrlAsync(new Uri(feed, $"/a/{i}.html").AbsoluteUri, Ct);
            Assert.NotNull(article);
            Assert.NotEqual(ArticleState.Extracted, article.State);
            Assert.NotNull(await stories.StoryOfAsync(article.Id, Ct));
        }
        Assert.Equal(new JobCounts(0, 0, 0, 0), await app.Services.GetRequiredService<IJobQueue>().CountsAsync(Ct));
    }

    /// <summary>Starts <c>ingest --once</c> and stops it after <paramref name="after"/> unless it ended: SIGTERM or SIGKILL.</summary>
    private async Task<(int ExitCode, string Error)> RunAndKillAsync(TimeSpan after, bool terminate)
    {
        using var process = PipelineProcess.Start(_data, Ct, "ingest", "--once");
        await process.WaitAsync(after, Ct);
        var (exitCode, _, error) = await process.StopAsync(terminate, Ct);
        return (exitCode, error);
    }
}
