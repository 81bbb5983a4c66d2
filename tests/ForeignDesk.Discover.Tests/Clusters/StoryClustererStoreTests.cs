using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>The pipeline's clusterer over a real SQLite file: placements, stories, related lists, restarts.</summary>
public sealed class StoryClustererStoreTests : IAsyncLifetime
{
    private TemporaryStore _temp = null!;
    private readonly FakeTimeProvider _time = new(Events.Monday.AddDays(1));
    private SqliteArticleStore _store = null!;
    private readonly Dictionary<long, long> _ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-stories-", _time, Ct);
        _store = _temp.Store;
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task PlaceAsync_FourLanguages_OneStoryInTimeOrderWithEnglishHeadline()
    {
        var clusterer = new StoryClusterer(_store, _time);
        foreach (var input in Events.Japan()) await clusterer.PlaceAsync(await SaveAsync(input), Ct);

        var storyId = await _store.StoryOfAsync(_ids[4], Ct);
        var story = await _store.GetStoryAsync(storyId!.Value, Ct);

        Assert.NotNull(story);
        Assert.Equal([_ids[1], _ids[2], _ids[3], _ids[4]], story.Articles.Select(a => a.Article.Id));
        Assert.Equal(["de", "en", "es", "fr"], story.Languages);
        Assert.Equal(4, story.OutletCount);
        Assert.Equal("Magnitude 7.1 earthquake strikes off Hokkaido, tsunami warning issued", story.Headline);
        var lines = await _store.LatestStoriesAsync(10, Ct);
        var line = Assert.Single(lines);
        Assert.Equal(4, line.ArticleCount);
        Assert.Equal(_ids[4], line.Lead.Id);
    }

    [Fact]
    public async Task RelatedAsync_ReadsPrecomputedList_NeverSelfOrSameStory()
    {
        var clusterer = new StoryClusterer(_store, _time);
        foreach (var input in Events.Japan()) await clusterer.PlaceAsync(await SaveAsync(input), Ct);
        foreach (var input in Events.Chile(10)) await clusterer.PlaceAsync(await SaveAsync(input), Ct);

        var related = await _store.RelatedAsync(_ids[11], 5, Ct);
        var precomputed = await _store.PrecomputedRelatedAsync(_ids[11], 5, Ct);

        Assert.NotEmpty(precomputed);
        Assert.Equal(precomputed.Select(a => a.Id), related.Select(a => a.Id));
        Assert.DoesNotContain(related, a => a.Id == _ids[10] || a.Id == _ids[11] || a.Id == _ids[12]);
        Assert.Single(related);
    }

    [Fact]
    public async Task PlaceAsync_NewClustererOnSameStore_CatchesUpFromStoredPlacements()
    {
        var japan = Events.Japan();
        var first = new StoryClusterer(_store, _time);
        foreach (var input in japan.Take(3)) await first.PlaceAsync(await SaveAsync(input), Ct);

        var second = new StoryClusterer(_store, _time);
        var decision = await second.PlaceAsync(await SaveAsync(japan[3]), Ct);

        Assert.False(decision.NewStory);
        Assert.Equal(await _store.StoryOfAsync(_ids[1], Ct), decision.StoryId);
    }

    [Fact]
    public async Task ForgetAsync_TheNextPlacementRebuildsTheIndexFromTheStore()
    {
        var japan = Events.Japan();
        var clusterer = new StoryClusterer(_store, _time);
        foreach (var input in japan.Take(3)) await clusterer.PlaceAsync(await SaveAsync(input), Ct);

        await clusterer.ForgetAsync(Ct);
        var decision = await clusterer.PlaceAsync(await SaveAsync(japan[3]), Ct);

        Assert.False(decision.NewStory);
        Assert.Equal(await _store.StoryOfAsync(_ids[1], Ct), decision.StoryId);
    }

    private async Task<StoredArticle> SaveAsync(StoryInput input)
    {
        var article = await StoredInputs.SaveAsync(_store, input, Ct);
        _ids[input.Id] = article.Id;
        return article;
    }
}
