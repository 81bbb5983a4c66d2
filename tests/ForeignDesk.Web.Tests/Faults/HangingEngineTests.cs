using System.Text.Json.Nodes;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// A LibreTranslate server on 127.0.0.1 that takes requests and never answers: each translation times out, the
/// article is stored untranslated with the problem recorded, and the pass ends; once the server answers again, the
/// next pass translates every article it left.
/// </summary>
public sealed class HangingEngineTests
{
    private const int Articles = 3;

    [Fact]
    public async Task Pass_EngineNeverAnswers_StoresArticlesUntranslatedAndEnds_NextPassTranslatesThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var answering = false;
        var requests = 0;
        await using var engine = await PipelineSite.ServeAsync(app => app.MapPost("/translate", async context =>
        {
            Interlocked.Increment(ref requests);
            if (!Volatile.Read(ref answering))
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }

            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted))!;
            var texts = body["q"] is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [body["q"]!.GetValue<string>()];
            var translated = texts.Select(t => (JsonNode?)$"In English: {t}").ToArray();
            await context.Response.WriteAsJsonAsync(new JsonObject { ["translatedText"] = new JsonArray(translated) }, context.RequestAborted);
        }), ct);
        await using var outlet = await NumberedOutlet.StartAsync(Articles, ct);
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Translate:Engines:silent:Type"] = "LibreTranslate",
            ["ForeignDesk:Translate:Engines:silent:BaseUrl"] = engine.Urls.First(),
            ["ForeignDesk:Translate:Engines:silent:Timeout"] = "00:00:01",
            ["ForeignDesk:Translate:Engines:silent:MaxAttempts"] = "1",
            ["ForeignDesk:Translate:Routing:fr:0"] = "silent",
        }, ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var source = await store.AddSourceAsync(new SourceDraft("Le Courrier", outlet.Home, [outlet.Feed], "fr", "News/World", "Europe/Paris"), ct);
        var pass = site.Services.GetRequiredService<IngestPass>();

        var hung = await pass.RunAsync(ct);

        Assert.True(requests >= Articles, $"the engine was asked {requests} times");
        Assert.Equal(Articles, hung.Created);
        Assert.Equal(0, hung.Translated);
        for (var i = 1; i <= Articles; i++)
        {
            var article = await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, ct);
            Assert.NotNull(article);
            Assert.Equal(ArticleState.Extracted, article.State);
        }
        var problems = await store.RecentProblemsAsync(50, ct);
        Assert.Contains(problems, p => p.SourceId == source.Id && p.Stage == "translate" && p.Message.Contains("no reply within", StringComparison.Ordinal));

        Volatile.Write(ref answering, true);
        var answered = await pass.RunAsync(ct);

        Assert.Equal(0, answered.Created);
        Assert.Equal(Articles, answered.Translated);
        var stored = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.Equal(Articles, stored.Count);
        for (var i = 1; i <= Articles; i++)
        {
            var article = await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, ct);
            Assert.Equal(ArticleState.Translated, article!.State);
            Assert.StartsWith("In English:", article.Translation!.Title, StringComparison.Ordinal);
        }
    }
}
