using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using ForeignDesk.Web.Tests.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>
/// A test outlet on 127.0.0.1 that changes one paragraph of an article, then answers 304, then removes the article
/// (410), checked again by the program's recheck jobs on a fake clock: the change is stored as a new version and only
/// the changed paragraph goes to the engine (a LibreTranslate server that records what it is asked); a check run twice
/// keeps no second version; the removal marks the article and ends its checks.
/// </summary>
public sealed class RecheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Changed = "Le maire a finalement annoncé que la rénovation des bâtiments commencera dès le mois de janvier.";

    [Fact]
    public async Task Rechecks_ChangedParagraphTranslatedAlone_RetriedCheckKeepsOneVersion_RemovalMarksTheArticle()
    {
        var asked = new ConcurrentQueue<string>();
        await using var engine = await PipelineSite.ServeAsync(app => app.MapPost("/translate", async context =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted))!;
            var texts = body["q"] is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [body["q"]!.GetValue<string>()];
            foreach (var text in texts) asked.Enqueue(text);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["translatedText"] = new JsonArray([.. texts.Select(t => (JsonNode?)$"EN {t}")]) },
                context.RequestAborted);
        }), Ct);
        var outlet = new ChangingOutlet(NumberedOutlet.Article(9) with { Path = "a/conseil.html", Published = "2026-11-29T10:00:00+01:00" });
        await using var server = await outlet.StartAsync(Ct);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Translate:Engines:local:Type"] = "LibreTranslate",
            ["ForeignDesk:Translate:Engines:local:BaseUrl"] = engine.Urls.First(),
            ["ForeignDesk:Translate:Routing:fr:0"] = "local",
        }, Ct, clock);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var queue = site.Services.GetRequiredService<IJobQueue>();
        var runner = site.Services.GetRequiredService<JobRunner>();
        var home = new Uri(server.Urls.First() + "/");
        await store.AddSourceAsync(new SourceDraft("Le Courrier", home, [new Uri(home, "/feed.xml")], "fr", "News/World", "Europe/Paris"), Ct);
        string[] recheck = [JobKinds.Recheck];

        await site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);
        var first = (await store.FindByUrlAsync(new Uri(home, "/a/conseil.html").AbsoluteUri, Ct))!;
        Assert.Equal(ArticleState.Translated, first.State);
        Assert.Equal(first.FirstSeenUtc + TimeSpan.FromMinutes(15) - clock.GetUtcNow(), await queue.NextDueInAsync(recheck, Ct));
        asked.Clear();

        // Check 1, 15 minutes on: the outlet changed its second paragraph.
        outlet.Change(1, Changed);
        clock.Advance(TimeSpan.FromMinutes(15));
        await runner.RunUntilIdleAsync(Ct);

        Assert.Contains(Changed, Assert.Single(asked));
        var updated = (await store.GetArticleAsync(first.Id, Ct))!;
        Assert.Equal(ArticleState.Translated, updated.State);
        Assert.Equal([first.Translation!.Paragraphs[0].Html, "EN " + Changed, first.Translation.Paragraphs[2].Html],
            updated.Translation!.Paragraphs.Select(p => p.Html));
        var versions = site.Services.GetRequiredService<IArticleVersionStore>();
        var kept = Assert.Single(await versions.EarlierVersionsAsync(first.Id, Ct));
        Assert.Equal(VersionCause.OutletUpdate, kept.EndedBy);
        Assert.Equal(first.Original.Paragraphs[1].Text, kept.Original.Paragraphs[1].Text);
        Assert.Equal(first.FirstSeenUtc + TimeSpan.FromMinutes(45) - clock.GetUtcNow(), await queue.NextDueInAsync(recheck, Ct));

        // The same check again, as after a worker killed before it completed: a 304, no second version, no engine call.
        asked.Clear();
        var answered = outlet.NotModified;
        await queue.EnqueueAsync([new JobRequest(JobKinds.Recheck, $"{first.Id}/1")], Ct);
        await runner.RunUntilIdleAsync(Ct);
        Assert.Equal(answered + 1, outlet.NotModified);
        Assert.Single(await versions.EarlierVersionsAsync(first.Id, Ct));
        Assert.Empty(asked);

        // Check 2 (45 minutes): nothing changed, a 304.
        clock.Advance(TimeSpan.FromMinutes(30));
        await runner.RunUntilIdleAsync(Ct);
        Assert.Equal(answered + 2, outlet.NotModified);
        Assert.Single(await versions.EarlierVersionsAsync(first.Id, Ct));
        Assert.Equal(first.FirstSeenUtc + TimeSpan.FromMinutes(105) - clock.GetUtcNow(), await queue.NextDueInAsync(recheck, Ct));

        // Check 3 (1 h 45): the outlet took the article down.
        outlet.Remove();
        clock.Advance(TimeSpan.FromHours(1));
        await runner.RunUntilIdleAsync(Ct);
        var removed = (await store.GetArticleAsync(first.Id, Ct))!;
        Assert.Equal(clock.GetUtcNow(), removed.RemovedUtc);
        Assert.Equal("EN " + Changed, removed.Translation!.Paragraphs[1].Html);
        Assert.DoesNotContain(first.Id, (await store.LatestAsync(10, Ct)).Select(a => a.Id));
        Assert.Null(await queue.NextDueInAsync(recheck, Ct));
        Assert.Empty(asked);
    }

    /// <summary>One article whose paragraphs can change, with an ETag of its version (304 to the current one), and that can be removed (410).</summary>
    private sealed class ChangingOutlet(OutletArticle article)
    {
        private readonly Lock _gate = new();
        private OutletArticle _article = article;
        private int _version = 1;
        private bool _removed;
        private int _notModified;

        public int NotModified => Volatile.Read(ref _notModified);

        public void Change(int paragraph, string text)
        {
            lock (_gate)
            {
                var paragraphs = _article.Paragraphs.ToArray();
                paragraphs[paragraph] = text;
                _article = _article with { Paragraphs = paragraphs };
                _version++;
            }
        }

        public void Remove()
        {
            lock (_gate) _removed = true;
        }

        public Task<WebApplication> StartAsync(CancellationToken ct) => PipelineSite.ServeAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext context) =>
            {
                var home = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
                return Results.Text(OutletPages.Rss("Le Courrier", home, [(new Uri(home, "/" + _article.Path), _article.Title, "Sun, 29 Nov 2026 09:00:00 GMT")]),
                    "application/rss+xml", Encoding.UTF8);
            });
            app.MapGet("/a/conseil.html", (HttpContext context) =>
            {
                lock (_gate)
                {
                    if (_removed) return Results.StatusCode(StatusCodes.Status410Gone);
                    var etag = $"\"v{_version}\"";
                    if (context.Request.Headers.IfNoneMatch == etag)
                    {
                        Interlocked.Increment(ref _notModified);
                        return Results.StatusCode(StatusCodes.Status304NotModified);
                    }
                    context.Response.Headers.ETag = etag;
                    return Results.Text(OutletPages.French(_article), "text/html", Encoding.UTF8);
                }
            });
        }, ct);
    }
}
