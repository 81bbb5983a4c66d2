using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Discover;
using ForeignDesk.Ingest;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Store;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>
/// The ingest scheduler and job worker in a host that stops on a failed background service (the .NET default), with an engine that
/// fails the way an HTTP client's timeout does: the worker keeps running, the next pass comes, the host stays up.
/// </summary>
public sealed class WorkerFaultTests
{
    [Fact]
    public async Task Worker_EngineTimesOutWithCancellation_KeepsRunningAndPollsAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var feedRequests = 0;
        await using var outlet = await PipelineSite.ServeAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext context) =>
            {
                Interlocked.Increment(ref feedRequests);
                var home = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
                return Results.Text(OutletPages.Rss("Le Courrier", home, [(new Uri(home, "/a/1.html"), Article.Title, "Sun, 29 Nov 2026 09:00:00 GMT")]),
                    "application/rss+xml", Encoding.UTF8);
            });
            app.MapGet("/a/1.html", () => Results.Text(OutletPages.French(Article), "text/html", Encoding.UTF8));
        }, ct);
        var data = Directory.CreateTempSubdirectory("foreigndesk-worker-").FullName;
        var engine = new TimingOutEngine();
        try
        {
            using var host = BuildHost(data, engine);
            var store = host.Services.GetRequiredService<IArticleStore>();
            await store.MigrateAsync(ct);
            var baseUrl = new Uri(outlet.Urls.First());
            var source = await store.AddSourceAsync(new SourceDraft("Le Courrier", baseUrl, [new Uri(baseUrl, "/feed.xml")], "fr", "News/World", "UTC"), ct);

            await host.StartAsync(ct);
            var worker = host.Services.GetServices<IHostedService>().OfType<IngestWorker>().Single();
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((Volatile.Read(ref feedRequests) < 2 || engine.Calls < 2) && !stopping.IsCancellationRequested && DateTime.UtcNow < deadline)
                await Task.Delay(100, ct);

            Assert.False(stopping.IsCancellationRequested, "the host must not stop because one engine call was cancelled by its timeout");
            Assert.False(worker.ExecuteTask!.IsCompleted, $"the worker ended: {worker.ExecuteTask.Exception?.GetBaseException().Message}");
            Assert.True(feedRequests >= 2, $"the next pass polled the feed again ({feedRequests} polls)");
            Assert.True(engine.Calls >= 2, "the untranslated article is tried again");
            var article = await store.FindByUrlAsync(new Uri(baseUrl, "/a/1.html").AbsoluteUri, ct);
            Assert.NotNull(article);
            Assert.NotEqual(ArticleState.Translated, article.State);
            var problems = await store.RecentProblemsAsync(20, ct);
            Assert.Contains(problems, p => p.SourceId == source.Id && p.Stage == "translate");
            await host.StopAsync(ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task AppHost_BackgroundServiceThatStillFails_DoesNotStopTheSite()
    {
        var data = Directory.CreateTempSubdirectory("foreigndesk-hostoptions-").FullName;
        try
        {
            await using (var app = ForeignDesk.Cli.AppHost.Build(new ForeignDesk.Cli.HostSettings(data, RunPipeline: true)))
            {
                var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;
                Assert.Equal(BackgroundServiceExceptionBehavior.Ignore, options.BackgroundServiceExceptionBehavior);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static IHost BuildHost(string data, ITranslationEngine engine)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
            ["ForeignDesk:Fetch:ObeyRobots"] = "false",
            ["ForeignDesk:Pipeline:PollInterval"] = "00:00:01",
            ["ForeignDesk:Pipeline:MinPollInterval"] = "00:00:01",
            ["ForeignDesk:Pipeline:MaxPollInterval"] = "00:00:01",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSqliteStore(data);
        builder.Services.AddSqliteJobQueue(data);
        builder.Services.AddSingleton(new EngineSelector([engine]));
        builder.Services.AddDiscover(data);
        builder.Services.AddIngest(builder.Configuration.GetSection("ForeignDesk"), data);
        builder.Services.AddHostedService<IngestWorker>();
        builder.Services.AddHostedService<Ingest.Jobs.JobWorker>();
        return builder.Build();
    }

    private static readonly OutletArticle Article = new(
        "a/1.html",
        "Le conseil municipal vote le budget des écoles",
        "Le conseil de la commune a adopté hier soir un budget nouveau pour ses écoles primaires.",
        [
            "Les élus de la commune ont voté mardi soir, après un long débat, un budget qui augmente les crédits des écoles primaires et des cantines scolaires de la ville.",
            "Le maire a expliqué que cette hausse permettra de rénover des bâtiments anciens, d'embaucher des animateurs pour le temps périscolaire et d'acheter du matériel informatique.",
            "L'opposition a critiqué un calendrier trop lent et demandé que les travaux commencent avant l'été, mais elle a fini par voter le texte après un long débat.",
        ],
        "Marie Dupont",
        "2026-11-29T09:00:00+01:00",
        "Monde",
        "/img/ecole.jpg",
        "Une école primaire",
        "AFP");

    /// <summary>An engine whose every call ends as an HTTP client's timeout ends: a cancellation nobody asked for.</summary>
    private sealed class TimingOutEngine : ITranslationEngine
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string Name => "timing-out";

        public string? RouteFor(string from, string to) => $"{from}→{to}";

        public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", new TimeoutException());
        }
    }
}
