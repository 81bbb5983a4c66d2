using System.Net;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>
/// A feed that answers with an ETag (and 304 to it), a pass stopped part-way through its items, then the next pass:
/// every article is stored exactly once, none hidden behind the feed's 304.
/// </summary>
public sealed class InterruptedPassTests
{
    private const int Articles = 12;
    private const string FeedETag = "\"feed-v1\"";

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(Articles)]
    public async Task Pass_StoppedPartWay_NextPassStoresEveryArticleExactlyOnce(int stopAtArticle)
    {
        var ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var articleRequests = 0;
        var notModified = 0;
        await using var outlet = await PipelineSite.ServeAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext context) =>
            {
                if (context.Request.Headers.IfNoneMatch == FeedETag)
                {
                    Interlocked.Increment(ref notModified);
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                context.Response.Headers.ETag = FeedETag;
                var home = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
                var items = Enumerable.Range(1, Articles).Select(i => (new Uri(home, $"/a/{i}.html"), Title(i), $"Sun, 29 Nov 2026 {i:00}:00:00 GMT"));
                return Results.Text(OutletPages.Rss("Le Courrier", home, items), "application/rss+xml", Encoding.UTF8);
            });
            app.MapGet("/a/{number:int}.html", (int number) =>
            {
                // The pass is stopped while this article is being fetched, as a kill or a SIGTERM would stop it.
                if (Interlocked.Increment(ref articleRequests) == stopAtArticle) stop.Cancel();
                return Results.Text(OutletPages.French(Article(number)), "text/html", Encoding.UTF8);
            });
        }, ct);
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
        }, ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var baseUrl = new Uri(outlet.Urls.First());
        var source = await store.AddSourceAsync(new SourceDraft("Le Courrier", baseUrl, [new Uri(baseUrl, "/feed.xml")], "fr", "News/World", "Europe/Paris"), ct);
        var pass = site.Services.GetRequiredService<IngestPass>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass.RunAsync(stop.Token));
        var afterStop = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.True(afterStop.Count < Articles, $"the pass stopped part-way, yet {afterStop.Count} articles were stored");

        await pass.RunAsync(ct);
        await pass.RunAsync(ct);

        var stored = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.Equal(Articles, stored.Count);
        Assert.Equal(Articles, stored.Select(a => a.Id).Distinct().Count());
        for (var i = 1; i <= Articles; i++)
            Assert.NotNull(await store.FindByUrlAsync(new Uri(baseUrl, $"/a/{i}.html").AbsoluteUri, ct));
        Assert.True(notModified >= 1, "once every item was handled, the feed's validators were saved and sent");
    }

    private static string Title(int number) => $"Le conseil municipal numéro {number} vote le budget des écoles";

    private static OutletArticle Article(int number) => new(
        $"a/{number}.html",
        Title(number),
        $"Le conseil de la commune {number} a adopté hier soir un budget nouveau pour ses écoles primaires.",
        [
            $"Les élus de la commune numéro {number} ont voté mardi soir, après un long débat, un budget qui augmente de {number} % les crédits des écoles primaires et des cantines scolaires de la ville.",
            $"Le maire a expliqué que cette hausse permettra de rénover {number + 2} bâtiments anciens, d'embaucher des animateurs pour le temps périscolaire et d'acheter du matériel informatique pour les classes.",
            "L'opposition a critiqué un calendrier trop lent et demandé que les travaux commencent avant l'été, mais elle a fini par voter le texte après avoir obtenu un rapport trimestriel sur les chantiers.",
            "Les parents d'élèves, venus nombreux à la séance, ont salué une décision attendue depuis plusieurs années et promis de suivre de près l'avancement des travaux dans chaque quartier de la ville.",
        ],
        "Marie Dupont",
        $"2026-11-29T{number:00}:00:00+01:00",
        "Monde",
        "/img/ecole.jpg",
        "Une école primaire",
        "AFP");
}
