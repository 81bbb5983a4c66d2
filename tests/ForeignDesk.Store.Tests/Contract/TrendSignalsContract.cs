using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="ITrendSignals"/>: articles published or viewed in the window, with views per hour.</summary>
public abstract class TrendSignalsContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task TrendCandidatesAsync_PublishedOrViewedSinceWithHourlyViews()
    {
        var source = await AddSourceAsync("El Diario");
        var now = Time.GetUtcNow();
        var old = await SaveAsync(source, "https://e.example/old", "Viejo", now.AddDays(-3));
        var fresh = await SaveAsync(source, "https://e.example/new", "Nuevo", now.AddMinutes(-10));
        var forgotten = await SaveAsync(source, "https://e.example/none", "Olvidado", now.AddDays(-4));
        await Stories.SavePlacementAsync(new StoryPlacement(fresh, fresh, now.AddMinutes(-10), null, "f"), Ct);
        await Store.RecordViewsAsync([new ViewCount(old, now.AddHours(-2), 3), new ViewCount(old, now, 1), new ViewCount(forgotten, now.AddDays(-2), 5)], Ct);

        var candidates = await Trends.TrendCandidatesAsync(now.AddHours(-24), 10, Ct);

        Assert.Equal([fresh, old], candidates.Select(c => c.Article.Id));
        Assert.Equal((fresh, source.Id, 0L), (candidates[0].StoryId, candidates[0].SourceId, candidates[0].Article.Views));
        Assert.Null(candidates[1].StoryId);
        Assert.Equal(4, candidates[1].Article.Views);
        Assert.Equal([(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), 3L), (new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), 1L)],
            candidates[1].Views.Select(v => (v.HourUtc, v.Count)));
    }

    [Fact]
    public async Task TrendCandidatesAsync_TheNewestAndTheMostViewedOfTheWindow_NewestFirst()
    {
        var source = await AddSourceAsync("El Diario");
        var now = Time.GetUtcNow();
        var first = await SaveAsync(source, "https://e.example/w1", "Hoy", now.AddHours(-1));
        var second = await SaveAsync(source, "https://e.example/w2", "Esta mañana", now.AddHours(-2));
        var morning = await SaveAsync(source, "https://e.example/w3", "Al amanecer", now.AddHours(-5));
        var quiet = await SaveAsync(source, "https://e.example/w4", "Sin lectores", now.AddHours(-6));
        var older = await SaveAsync(source, "https://e.example/o1", "Anteayer", now.AddDays(-2));
        var oldest = await SaveAsync(source, "https://e.example/o2", "Hace tres días", now.AddDays(-3));
        var readBefore = await SaveAsync(source, "https://e.example/o3", "Leído ayer", now.AddDays(-1).AddHours(-6));
        await Store.RecordViewsAsync([new ViewCount(oldest, now.AddHours(-3), 2), new ViewCount(older, now.AddHours(-1), 4),
            new ViewCount(older, now, 3), new ViewCount(morning, now.AddHours(-4), 5), new ViewCount(readBefore, now.AddHours(-30), 90),
            new ViewCount(second, now, 1)], Ct);

        async Task<List<long>> Ids(int limit) => (await Trends.TrendCandidatesAsync(now.AddHours(-24), limit, Ct)).Select(c => c.Article.Id).ToList();

        // The newest two (first, second) and the two most viewed in the window (older with 7, morning with 5).
        Assert.Equal([first, second, morning, older], await Ids(2));
        Assert.Equal([first, older], await Ids(1));
        Assert.Equal([first, second, morning, quiet, older, oldest], await Ids(10));
        var candidates = await Trends.TrendCandidatesAsync(now.AddHours(-24), 2, Ct);
        Assert.Equal([0L, 1L, 5L, 7L], candidates.Select(c => c.Article.Views));
    }
}
