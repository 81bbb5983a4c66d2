using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Discover.Trending;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>Story merges through the pipeline's clusterer and a real SQLite file: redirects, headline, related lists, trends.</summary>
public sealed class StoryMergeStoreTests : IAsyncLifetime
{
    private TemporaryStore _temp = null!;
    private readonly FakeTimeProvider _time = new(Events.Monday.AddHours(3));
    private SqliteArticleStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-merges-", _time, Ct);
        _store = _temp.Store;
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task PlaceAsync_Bridge_MergesIntoOlderStory_AbsorbedIdRedirects()
    {
        var clusterer = new StoryClusterer(_store, _time);
        var german = await StoredInputs.SaveAsync(_store, Wildfire.German(1), Ct);
        var airport = await StoredInputs.SaveAsync(_store, Wildfire.Airport(2), Ct);
        var bridge = await StoredInputs.SaveAsync(_store, Wildfire.Bridge(3), Ct);
        await clusterer.PlaceAsync(german, Ct);
        await clusterer.PlaceAsync(airport, Ct);
        Assert.Equal(airport.Id, await _store.StoryOfAsync(airport.Id, Ct));

        var decision = await clusterer.PlaceAsync(bridge, Ct);

        Assert.Equal(german.Id, decision.StoryId);
        Assert.Equal([airport.Id], decision.Absorbed);
        Assert.Equal(german.Id, await _store.StoryOfAsync(airport.Id, Ct));
        Assert.Null(await _store.GetStoryAsync(airport.Id, Ct));
        Assert.Equal(german.Id, await _store.SurvivorOfAsync(airport.Id, Ct));
        Assert.Null(await _store.SurvivorOfAsync(german.Id, Ct));
        var story = await _store.GetStoryAsync(german.Id, Ct);
        Assert.NotNull(story);
        Assert.Equal([german.Id, airport.Id, bridge.Id], story.Articles.Select(a => a.Article.Id));
        Assert.Equal(["de", "en"], story.Languages);
        Assert.Equal(3, story.OutletCount);
        Assert.Equal("Marignane airport closes as mistral fans flames", story.Headline);
        var line = Assert.Single(await _store.LatestStoriesAsync(10, Ct));
        Assert.Equal(3, line.ArticleCount);
        Assert.Equal(german.Id, line.StoryId);
    }

    [Fact]
    public async Task PlaceAsync_OtherClustererMergedMeanwhile_LaterArticleJoinsSurvivor()
    {
        var merging = new StoryClusterer(_store, _time);
        var other = new StoryClusterer(_store, _time);
        var german = await StoredInputs.SaveAsync(_store, Wildfire.German(1), Ct);
        var airport = await StoredInputs.SaveAsync(_store, Wildfire.Airport(2), Ct);
        await merging.PlaceAsync(german, Ct);
        await other.PlaceAsync(airport, Ct);
        await merging.PlaceAsync(await StoredInputs.SaveAsync(_store, Wildfire.Bridge(3), Ct), Ct);

        var late = await other.PlaceAsync(await StoredInputs.SaveAsync(_store, Wildfire.Airport(4, hours: 2.5), Ct), Ct);

        Assert.Equal(german.Id, late.StoryId);
        Assert.Equal(german.Id, await _store.StoryOfAsync(late.StoryId, Ct));
    }

    [Fact]
    public async Task MergeStoriesAsync_TwiceInARow_FirstAbsorbedIdRedirectsToLastSurvivor()
    {
        var a = await PlacedAsync(Wildfire.German(1));
        var b = await PlacedAsync(Wildfire.Airport(2));
        var c = await PlacedAsync(Events.Japan(10)[0]);

        await _store.MergeStoriesAsync(new StoryMerge(b, [c], _time.GetUtcNow(), []), Ct);
        await _store.MergeStoriesAsync(new StoryMerge(a, [b], _time.GetUtcNow(), []), Ct);

        Assert.Equal(a, await _store.SurvivorOfAsync(c, Ct));
        Assert.Equal(a, await _store.SurvivorOfAsync(b, Ct));
        Assert.Equal(3, (await _store.GetStoryAsync(a, Ct))!.Articles.Count);
        Assert.Null(await _store.GetStoryAsync(b, Ct));
    }

    [Fact]
    public async Task MergeStoriesAsync_DuplicateMarks_ShowOnStory()
    {
        var a = await PlacedAsync(Wildfire.German(1));
        var b = await PlacedAsync(Wildfire.German(2, hours: 0.5));

        await _store.MergeStoriesAsync(new StoryMerge(a, [b], _time.GetUtcNow(), [new DuplicateMark(b, a)]), Ct);

        var story = (await _store.GetStoryAsync(a, Ct))!;
        Assert.Equal([null, a], story.Articles.Select(x => x.DuplicateOf));
    }

    [Fact]
    public async Task PrecomputedRelatedAsync_StoriesMergedAfterward_OneArticlePerStoryAndNeverItsOwn()
    {
        var reader = await PlacedAsync(Events.Japan(1)[0]);
        var a = await PlacedAsync(Wildfire.German(10));
        var b = await PlacedAsync(Wildfire.Airport(11));
        var c = await PlacedAsync(Events.Chile(20)[0]);
        await _store.SaveRelatedAsync(reader, [a, b, c], Ct);
        Assert.Equal([a, b, c], (await _store.PrecomputedRelatedAsync(reader, 5, Ct)).Select(x => x.Id));

        await _store.MergeStoriesAsync(new StoryMerge(a, [b], _time.GetUtcNow(), []), Ct);
        Assert.Equal([a, c], (await _store.PrecomputedRelatedAsync(reader, 5, Ct)).Select(x => x.Id));

        await _store.MergeStoriesAsync(new StoryMerge(reader, [c], _time.GetUtcNow(), []), Ct);
        Assert.Equal([a], (await _store.PrecomputedRelatedAsync(reader, 5, Ct)).Select(x => x.Id));
    }

    [Fact]
    public async Task TopAsync_ViewsOfAbsorbedStory_CountForSurvivorOnce()
    {
        _time.SetUtcNow(Events.Monday.AddHours(4));
        var trends = new Trends24h(_store, new TrendingScorer(), _time);
        var survivor = await PlacedAsync(Wildfire.German(1));
        var absorbed = await PlacedAsync(Wildfire.Airport(2));
        var lone = await PlacedAsync(Events.Chile(10)[0] with { PublishedUtc = Events.Monday.AddHours(2) });
        for (var i = 0; i < 3; i++) await _store.RecordViewAsync(absorbed, _time.GetUtcNow(), Ct);
        for (var i = 0; i < 4; i++) await _store.RecordViewAsync(lone, _time.GetUtcNow(), Ct);
        Assert.Equal([lone, absorbed], (await trends.TopAsync(10, Ct)).Select(x => x.Id));

        await _store.MergeStoriesAsync(new StoryMerge(survivor, [absorbed], _time.GetUtcNow(), []), Ct);

        // One line for the merged story, lifted by its second outlet, carried by the absorbed article's views.
        var top = await trends.TopAsync(10, Ct);
        Assert.Equal([absorbed, lone], top.Select(x => x.Id));
        Assert.Equal(3, top[0].Views);
        var candidates = await _store.TrendCandidatesAsync(_time.GetUtcNow().AddHours(-24), 100, Ct);
        Assert.Equal(survivor, candidates.Single(x => x.Article.Id == absorbed).StoryId);
    }

    /// <summary>Stores an article and places it in a story of its own.</summary>
    private async Task<long> PlacedAsync(StoryInput input)
    {
        var article = await StoredInputs.SaveAsync(_store, input, Ct);
        await _store.SavePlacementAsync(new StoryPlacement(article.Id, article.Id, article.PublishedUtc, null, "{}"), Ct);
        return article.Id;
    }
}
