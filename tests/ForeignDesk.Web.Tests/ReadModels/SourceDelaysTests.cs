using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.ReadModels;

/// <summary>
/// Each source's delays on <c>/status</c> (outlet → first seen → translated, p50 and p95), computed in the background
/// over the articles first seen in the last 24 hours, from articles whose times are known.
/// </summary>
public sealed class SourceDelaysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void DelaySpread_TakesTheNearestRank_AndCountsAClockAheadAsNoDelay()
    {
        var spread = DelaySpread.Of([.. new[] { 8, 2, 6, 4 }.Select(m => TimeSpan.FromMinutes(m)), TimeSpan.FromMinutes(-3)])!;

        Assert.Equal(5, spread.Articles);
        Assert.Equal(TimeSpan.FromMinutes(4), spread.P50);
        Assert.Equal(TimeSpan.FromMinutes(8), spread.P95);
        Assert.Null(DelaySpread.Of([]));
    }

    [Fact]
    public async Task StatusPage_ShowsEachSourcesDelays_OverTheLastDayOnly()
    {
        await using var site = await SeededSite.StartAsync(Ct);
        var store = site.Server.Store;
        var outlet = await store.AddSourceAsync(new SourceDraft("Retrasos Diario", new Uri("https://retrasos.example/"),
            [new Uri("https://retrasos.example/rss")], "es", "News/World", "Europe/Madrid"), Ct);
        var seenAt = SiteServer.Now.AddHours(-2);
        // Published 2, 4, 6 and 8 minutes before first sight; translated 1, 1, 3 and 20 minutes after it.
        foreach (var (published, translated, n) in new[] { (2, 1, 1), (4, 1, 2), (6, 3, 3), (8, 20, 4) })
        {
            var id = await Save(outlet, n, seenAt.AddMinutes(-published), estimated: false, seenAt);
            await store.SaveTranslationAsync(id, Translation(n), seenAt.AddMinutes(translated), Ct);
        }
        // No time from the outlet and no translation yet: counted, in neither delay.
        await Save(outlet, 5, seenAt, estimated: true, seenAt);
        // First seen more than a day ago: left out, however long it took.
        var old = await Save(outlet, 6, SiteServer.Now.AddHours(-30), estimated: false, SiteServer.Now.AddHours(-25));
        await store.SaveTranslationAsync(old, Translation(6), SiteServer.Now.AddHours(-20), Ct);
        await SiteCatchUp.RunAsync(site.Server.Services, Ct);

        var page = await HtmlPage.GetAsync(site.Plain, "/status", Ct);

        var row = page.Document.QuerySelectorAll("table.delays tbody tr").Single(r => r.TextContent.Contains("Retrasos Diario"));
        Assert.Equal(["5", "4 min", "8 min", "1 min", "20 min", "5 min", "28 min"],
            row.QuerySelectorAll("td").Select(td => HtmlPage.Collapse(td.TextContent)).ToArray());

        async Task<long> Save(Source source, int n, DateTimeOffset published, bool estimated, DateTimeOffset seen) =>
            await NewsSeed.SaveAsync(store, source, $"https://retrasos.example/{n}",
                NewsSeed.Article($"Noticia {n}", null, null, [new Paragraph("p", "Texto.", "Texto.")], estimated ? null : published, null, null),
                published, estimated, seen, Ct);
    }

    private static TranslatedArticle Translation(int n) =>
        new($"News {n}", null, [new Paragraph("p", "Text.", "Text.")], null, "apertium", "es→en", 0);
}
