using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="IPageChanges"/>: every change of an article, story or source as page tags, in order.</summary>
public abstract class PageChangesContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task Changes_NameThePagesThatShowWhatChanged()
    {
        Assert.Equal(0, await Changes.LatestChangeAsync(Ct));
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/a", "Uno");
        var afterSave = await Changes.LatestChangeAsync(Ct);
        Assert.Equal(["category:News/World", "day:2026-11-29", "latest", $"source:{source.Id}"],
            (await Changes.ChangesSinceAsync(0, 100, Ct)).Select(c => c.Tag).Order(StringComparer.Ordinal));

        await Stories.SavePlacementAsync(new StoryPlacement(id, id, Time.GetUtcNow(), null, "f"), Ct);
        var afterPlacement = await Changes.LatestChangeAsync(Ct);
        await TranslateAsync(id, "One");

        var changes = await Changes.ChangesSinceAsync(afterSave, 100, Ct);
        Assert.Contains(changes, c => c.Tag == $"article:{id}" && c.Sequence > afterPlacement);
        Assert.Contains(changes, c => c.Tag == $"story:{id}" && c.Sequence > afterPlacement);
        Assert.Equal(changes.OrderBy(c => c.Sequence), changes);
        Assert.Equal(changes[^1].Sequence, await Changes.LatestChangeAsync(Ct));
        Assert.Equal(2, (await Changes.ChangesSinceAsync(0, 2, Ct)).Count);
    }

    [Fact]
    public async Task PruneChangesAsync_KeepsTheNewest()
    {
        var source = await AddSourceAsync("El Diario");
        await SaveAsync(source, "https://e.example/a", "Uno");
        var latest = await Changes.LatestChangeAsync(Ct);

        await Changes.PruneChangesAsync(TimeSpan.FromHours(1), Ct);
        Assert.Equal(4, (await Changes.ChangesSinceAsync(0, 100, Ct)).Count);
        await Changes.PruneChangesAsync(TimeSpan.FromMilliseconds(-1000), Ct);

        Assert.Equal([latest], (await Changes.ChangesSinceAsync(0, 100, Ct)).Select(c => c.Sequence));
        Assert.Equal(latest, await Changes.LatestChangeAsync(Ct));
    }

    [Fact]
    public async Task RemovingASource_ChangesItsArticlesPages()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/a", "Uno");
        var before = await Changes.LatestChangeAsync(Ct);

        await Store.RemoveSourceAsync(source.Slug, Ct);

        Assert.Contains($"article:{id}", (await Changes.ChangesSinceAsync(before, 100, Ct)).Select(c => c.Tag));
    }
}
