using System.Diagnostics;
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
/// The real program's <c>ingest --once</c> killed at random points (SIGKILL and SIGTERM, in turn) while it runs the
/// pipeline's jobs (poll, fetch, translate, place) for an outlet whose feed sends an ETag, then run to its end: the
/// jobs a killed process held are taken again once their lease expires, every article is stored exactly once,
/// translated (or set aside for an engine) and placed in a story, and no job is left queued, running, failed or dead.
/// </summary>
public sealed class KilledIngestTests : IAsyncLifetime
{
    private const int Articles = 24;
    private const int Kills = 20;
    private const string FeedETag = "\"feed-v1\"";

    /// <summary>Short, so that the next run soon takes over the jobs a killed run held.</summary>
    private const string LeaseTime = "00:00:02";

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
        await using var outlet = await PipelineSite.ServeAsync(app =>
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
        var feed = new Uri(new Uri(outlet.Urls.First()), "/feed.xml");
        var added = await CliProcess.RunAsync(_data, null, Ct, "sources", "add", "--name", "Le Courrier", "--feed", feed.AbsoluteUri, "--language", "fr");
        Assert.Equal(0, added.ExitCode);

        var random = new Random(11);
        for (var run = 0; run < Kills; run++)
            await RunAndKillAsync(TimeSpan.FromMilliseconds(random.Next(200, 2500)), terminate: run % 2 == 1);
        var last = await RunAndKillAsync(TimeSpan.FromMinutes(5), terminate: false);
        Assert.True(last.ExitCode == 0, last.Error);

        SqliteConnection.ClearAllPools();
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
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _data,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "foreigndesk.dll"), "ingest", "--once", "--data", _data })
            start.ArgumentList.Add(arg);
        start.Environment["ForeignDesk__Sources__DefaultFile"] = "";
        start.Environment["ForeignDesk__Fetch__AllowPrivateNetworks"] = "true";
        start.Environment["ForeignDesk__Fetch__MinDelayPerHost"] = "00:00:00";
        start.Environment["ForeignDesk__Jobs__LeaseTime"] = LeaseTime;
        start.Environment.Remove("FOREIGNDESK_DATA");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start foreigndesk");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            await process.WaitForExitAsync(Ct).WaitAsync(after, Ct);
        }
        catch (TimeoutException)
        {
            if (terminate)
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync(Ct);
            }
            else
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(Ct);
        await output;
        return (process.ExitCode, await error);
    }
}
