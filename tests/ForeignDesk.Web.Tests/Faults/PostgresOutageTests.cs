using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped for 20 seconds (<c>pg_ctl stop -m fast</c>) and started again on the same port while two real
/// <c>worker</c> processes run the pipeline and a <c>serve --no-pipeline</c> web node serves the site, all on it: the
/// node answers a plain 503 page (and <c>/readyz</c> 503) while the store is away and 200 once it is back, and the
/// workers log the outage and its end, and carry on by themselves, losing and duplicating nothing.
/// </summary>
public sealed class PostgresOutageTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const int Articles = 24;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_StoppedFor20SecondsMidRun_WebNodeAnswers503ThenPages_WorkersResumeAndLoseNothing()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        using var store = SharedStore.Postgres(await cluster.CreateDatabaseAsync(Ct));
        await using var outlet = await NumberedOutlet.StartAsync(Articles, Ct, TimeSpan.FromMilliseconds(100));
        await store.AddSourceAsync(outlet, Ct);
        var webUrl = new Uri($"http://127.0.0.1:{PipelineProcess.FreePort()}/");
        var processes = new List<PipelineProcess> { store.Start(Ct, "serve", "--no-pipeline", "--urls", webUrl.AbsoluteUri.TrimEnd('/')) };
        try
        {
            processes.AddRange(Enumerable.Range(0, 2).Select(_ => store.Start(Ct, "worker", "--urls", $"http://127.0.0.1:{PipelineProcess.FreePort()}")));
            Assert.True(await processes[0].WaitUntilAnsweringAsync(webUrl, TimeSpan.FromMinutes(1), Ct), "the web node did not start");
            var first = await WaitForStoredArticleAsync(store, outlet);
            using var reader = new HttpClient { BaseAddress = webUrl, Timeout = TimeSpan.FromMinutes(1) };

            await cluster.StopAsync();
            var away = new List<(string Path, HttpStatusCode Status, string Body)>();
            var back = DateTime.UtcNow + Outage;
            for (var i = 0; DateTime.UtcNow < back; i++)
            {
                foreach (var path in (string[])["/readyz", $"/article/{first}", $"/search?q=conseil+{i}"])
                {
                    using var response = await reader.GetAsync(path, Ct);
                    away.Add((path, response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
                }
                await Task.Delay(500, Ct);
            }
            await cluster.StartAsync();

            Assert.All(away.Where(a => a.Path == "/readyz"), a =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
                Assert.Equal("not ready: the store cannot be reached", a.Body);
            });
            Assert.All(away.Where(a => a.Path != "/readyz"), a =>
            {
                Assert.True(a.Status == HttpStatusCode.ServiceUnavailable, $"{a.Path} answered {(int)a.Status} while the store was away");
                Assert.Contains("The news is unavailable for a moment", a.Body);
                Assert.DoesNotContain("Exception", a.Body);
                Assert.DoesNotContain("Npgsql", a.Body);
            });

            Assert.True(await AnswersAsync(reader, "/readyz", TimeSpan.FromMinutes(2)), "/readyz did not come back after the store did");
            Assert.True(await AnswersAsync(reader, $"/article/{first}", TimeSpan.FromMinutes(1)), "the article page did not come back");
            await store.WaitUntilAllPlacedAsync(outlet, TimeSpan.FromMinutes(4), Ct);
            var logs = await PipelineProcess.StopAllAsync(processes, Ct);
            Assert.All(logs.Skip(1), log =>
            {
                Assert.Contains("The store cannot be reached", log);
                Assert.Contains("The store answers again after", log);
            });
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
        }

        var stored = await store.AssertEveryArticleOnceTranslatedAndPlacedAsync(outlet, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"published {outlet.Published}, stored {stored}, lost {outlet.Published - stored}, duplicated 0");
    }

    /// <returns>The id of the first article the workers store.</returns>
    private static async Task<long> WaitForStoredArticleAsync(SharedStore store, NumberedOutlet outlet)
    {
        await using var app = store.Open();
        var articles = app.Services.GetRequiredService<IArticleStore>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            for (var i = 1; i <= outlet.Published; i++)
                if (await articles.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, Ct) is { } found) return found.Id;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException("the workers stored no article in 2 minutes");
    }

    private static async Task<bool> AnswersAsync(HttpClient client, string path, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(path, Ct);
            if (response.StatusCode == HttpStatusCode.OK) return true;
            await Task.Delay(250, Ct);
        }
        return false;
    }
}
