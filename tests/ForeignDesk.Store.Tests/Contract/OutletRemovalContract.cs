using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// An article the outlet removed (<see cref="IArticleStore.MarkRemovedByOutletAsync"/>): kept with its text and the time
/// of removal, but out of every list (latest, source, day, search, trends) and the archive's day counts, also after a
/// late translation of it, and its pages are touched so that caches drop them.
/// </summary>
public abstract class OutletRemovalContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task MarkRemovedByOutlet_KeepsTheArticle_TakesItOutOfEveryList()
    {
        var outlet = await OutletAsync("El Diario", "es", "News/World", Ct);
        var removed = await ArticleAsync(outlet, "Presupuesto retirado", "El presupuesto retirado del gobierno.", "Withdrawn budget", "The withdrawn budget of the government.", Now.AddHours(-1), Ct);
        var kept = await ArticleAsync(outlet, "Presupuesto aprobado", "El presupuesto aprobado del gobierno.", "Approved budget", "The approved budget of the government.", Now.AddHours(-2), Ct);
        var before = await Changes.LatestChangeAsync(Ct);
        var at = Time.GetUtcNow();

        await Store.MarkRemovedByOutletAsync(removed, at, Ct);

        var article = await Store.GetArticleAsync(removed, Ct);
        Assert.Equal(at, article!.RemovedUtc);
        Assert.Equal("Presupuesto retirado", article.Original.Title);
        Assert.Null((await Store.GetArticleAsync(kept, Ct))!.RemovedUtc);
        Assert.True(await Changes.LatestChangeAsync(Ct) > before);
        await AssertListedOnlyAsync(outlet, kept);
    }

    [Fact]
    public async Task ARemovedArticle_TranslatedAgainOrMarkedAgain_StaysOutOfTheLists_AndKeepsItsFirstRemoval()
    {
        var outlet = await OutletAsync("El Diario", "es", "News/World", Ct);
        var removed = await ArticleAsync(outlet, "Presupuesto retirado", "El presupuesto retirado del gobierno.", null, null, Now.AddHours(-1), Ct);
        var kept = await ArticleAsync(outlet, "Presupuesto aprobado", "El presupuesto aprobado del gobierno.", "Approved budget", "The approved budget of the government.", Now.AddHours(-2), Ct);
        var first = Time.GetUtcNow();
        await Store.MarkRemovedByOutletAsync(removed, first, Ct);

        Time.Advance(TimeSpan.FromMinutes(5));
        await TranslateAsync(removed, "Withdrawn budget", "The withdrawn budget of the government.");
        await Store.MarkRemovedByOutletAsync(removed, Time.GetUtcNow(), Ct);

        Assert.Equal(first, (await Store.GetArticleAsync(removed, Ct))!.RemovedUtc);
        Assert.Equal("Withdrawn budget", (await Store.GetArticleAsync(removed, Ct))!.Translation!.Title);
        await AssertListedOnlyAsync(outlet, kept);
    }

    private async Task AssertListedOnlyAsync(Source outlet, long kept)
    {
        Assert.Equal([kept], (await Store.LatestAsync(10, Ct)).Select(a => a.Id));
        Assert.Equal([kept], (await Store.FromSourceAsync(outlet.Id, null, 10, Ct)).Items.Select(a => a.Id));
        Assert.Equal([kept], (await Store.OnDateAsync(DateOnly.FromDateTime(Now.UtcDateTime), null, 10, Ct)).Items.Select(a => a.Id));
        Assert.Equal([kept], (await Search.SearchAsync(new SearchQuery("budget"), Ct)).Hits.Select(h => h.Article.Id));
        Assert.Equal([kept], (await Trends.TrendCandidatesAsync(Now.AddDays(-1), 10, Ct)).Select(c => c.Article.Id));
        Assert.Equal(1, (await Services.GetRequiredService<IArchiveIndex>().ArchiveDaysAsync(Ct)).Sum(d => d.Articles));
    }
}
