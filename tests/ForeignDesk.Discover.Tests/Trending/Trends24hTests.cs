using ForeignDesk.Core;
using ForeignDesk.Discover.Tests.Search;
using ForeignDesk.Discover.Trending;
using Xunit;

namespace ForeignDesk.Discover.Tests.Trending;

public sealed class Trends24hTests : IAsyncLifetime
{
    private NewsDesk _desk = null!;
    private Trends24h _trends = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _desk = await NewsDesk.OpenAsync(Ct);
        _trends = new Trends24h(_desk.Store, new TrendingScorer(), _desk.Time);
    }

    public async ValueTask DisposeAsync() => await _desk.DisposeAsync();

    private async Task ViewAsync(long id, int count, TimeSpan ago)
    {
        for (var i = 0; i < count; i++) await _desk.Store.RecordViewAsync(id, NewsDesk.Now - ago, Ct);
    }

    [Fact]
    public async Task TopAsync_RecentViewsBeatOlderViews_AndOldViewsDropOut()
    {
        var outlet = await _desk.OutletAsync("El Diario", "es", "News/Politics", Ct);
        var now = NewsDesk.Now;
        var fresh = await _desk.ArticleAsync(outlet, "A", "a", "Storm hits the coast", "x", now.AddHours(-3), Ct);
        var stale = await _desk.ArticleAsync(outlet, "B", "b", "Minister visits the museum", "x", now.AddHours(-20), Ct);
        var gone = await _desk.ArticleAsync(outlet, "C", "c", "Festival opens downtown", "x", now.AddHours(-40), Ct);
        var unread = await _desk.ArticleAsync(outlet, "D", "d", "Library extends hours", "x", now.AddHours(-1), Ct);
        await ViewAsync(fresh, 4, TimeSpan.FromMinutes(10));
        await ViewAsync(stale, 10, TimeSpan.FromHours(19));
        await ViewAsync(gone, 50, TimeSpan.FromHours(30));

        var top = await _trends.TopAsync(10, Ct);

        Assert.Equal([fresh, stale], top.Select(a => a.Id));
        Assert.Equal([4L, 10L], top.Select(a => a.Views));
        Assert.Equal("News/Politics", top[0].Category);
        Assert.Equal(now.AddHours(-3), top[0].PublishedUtc);
        Assert.DoesNotContain(top, a => a.Id == unread || a.Id == gone);
    }

    [Fact]
    public async Task TopAsync_StoryAcrossOutlets_RanksWithoutViewsAndOnce()
    {
        var now = NewsDesk.Now;
        var outlets = new List<Source>();
        foreach (var name in new[] { "Uno", "Dos", "Tres", "Cuatro" }) outlets.Add(await _desk.OutletAsync(name, "es", "News/World", Ct));
        var first = await _desk.ArticleAsync(outlets[0], "T", "t", "Earthquake of magnitude 6.8 shakes southern Mexico", "x", now.AddHours(-2), Ct);
        foreach (var outlet in outlets.Skip(1))
            await _desk.ArticleAsync(outlet, "T", "t", "Magnitude 6.8 earthquake shakes southern Mexico", "x", now.AddHours(-1), Ct);
        var lone = await _desk.ArticleAsync(outlets[0], "L", "l", "Local bakery wins a prize", "x", now.AddHours(-1), Ct);
        await ViewAsync(lone, 2, TimeSpan.FromMinutes(5));
        await ViewAsync(first, 1, TimeSpan.FromMinutes(5));

        var top = await _trends.TopAsync(10, Ct);

        Assert.Equal(2, top.Count);
        Assert.Equal(first, top[0].Id);
        Assert.Equal(lone, top[1].Id);
    }

    [Fact]
    public async Task TopAsync_PlacedStory_SpreadsByStoryIdNotHeadlineWords()
    {
        var now = NewsDesk.Now;
        var outlets = new List<Source>();
        foreach (var name in new[] { "Uno", "Dos", "Tres" }) outlets.Add(await _desk.OutletAsync(name, "es", "News/World", Ct));
        var lead = await _desk.ArticleAsync(outlets[0], "T", "t", "Floods close the northern highway", "x", now.AddHours(-3), Ct);
        var second = await _desk.ArticleAsync(outlets[1], "T", "t", "Rescue teams reach stranded drivers", "x", now.AddHours(-2), Ct);
        var third = await _desk.ArticleAsync(outlets[2], "T", "t", "Rain keeps falling in the valley", "x", now.AddHours(-2), Ct);
        var lone = await _desk.ArticleAsync(outlets[0], "L", "l", "Local bakery wins a prize", "x", now.AddHours(-1), Ct);
        foreach (var id in new[] { lead, second, third })
            await _desk.Store.SavePlacementAsync(new StoryPlacement(id, lead, now.AddHours(-3), null, "{}"), Ct);
        await ViewAsync(lone, 2, TimeSpan.FromMinutes(5));
        await ViewAsync(lead, 1, TimeSpan.FromMinutes(5));

        var top = await _trends.TopAsync(10, Ct);

        Assert.Equal([lead, lone], top.Select(a => a.Id));
    }
}
