using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Discover.Related;

namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// Places each stored article in a story as it is translated (or found to await an engine), incrementally: the
/// article is compared only with the stories the index proposes. Also computes its "You may like" list. The index
/// holds the recent window and catches up with placements other processes recorded in the store. One process at a time
/// places articles (the <see cref="Leadership.Clusterer"/> role, see <see cref="StoryPlacementStage"/>).
/// </summary>
public sealed class StoryClusterer(IStoryStore store, TimeProvider time, ClusterOptions? options = null)
{
    public const int RelatedCount = 6;

    /// <summary>How many of a new article's closest articles get their "You may like" ranked again.</summary>
    public const int NeighboursReranked = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private StoryIndex _index = new(options ?? ClusterOptions.Default);
    private long _sequence;

    /// <summary>Stories scored in full since this clusterer was made (its work, not the store's size).</summary>
    public long Comparisons => _index.Comparisons;

    /// <summary>Stories merged into another by this clusterer.</summary>
    public long Merges => _index.Merges;

    /// <summary>Time spent placing articles (features, index, store), for benchmarks and logs.</summary>
    public TimeSpan ClusterTime { get; private set; }

    /// <summary>Time spent computing and storing "You may like" lists.</summary>
    public TimeSpan RelatedTime { get; private set; }

    public async Task<StoryDecision> PlaceAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var features = FeatureExtractor.Extract(StoryInput.From(article));
            var decision = _index.Assign(article.Id, article.PublishedUtc, features);
            if (decision.Absorbed.Count > 0)
                await store.MergeStoriesAsync(new StoryMerge(decision.StoryId, decision.Absorbed, time.GetUtcNow(), decision.Duplicates), cancellationToken);
            await store.SavePlacementAsync(
                new StoryPlacement(article.Id, decision.StoryId, article.PublishedUtc, decision.DuplicateOf, features.Serialize()),
                cancellationToken);
            var placed = Stopwatch.GetTimestamp();
            var related = RelatedRanker.Rank(_index, article.Id, RelatedCount);
            await store.SaveRelatedAsync(article.Id, related, cancellationToken);
            // The articles it is most like may like it back: their lists are ranked again, so that an older article
            // shows what came after it, not only what came before.
            foreach (var neighbour in related.Take(NeighboursReranked))
                await store.SaveRelatedAsync(neighbour, RelatedRanker.Rank(_index, neighbour, RelatedCount), cancellationToken);
            ClusterTime += Stopwatch.GetElapsedTime(started, placed);
            RelatedTime += Stopwatch.GetElapsedTime(placed);
            return decision;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Drops the index, so that the next placement rebuilds it from the features the store holds: for a process that
    /// takes the clusterer role, whose index may lack what another clusterer placed and merged meanwhile.
    /// </summary>
    public async Task ForgetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _index = new StoryIndex(_index.Options);
            _sequence = 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Loads placements recorded since the last look (all of the recent window on the first call).</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var o = _index.Options;
        var since = time.GetUtcNow() - o.RelatedWindow - o.JoinWindow;
        foreach (var placement in await store.PlacementsSinceAsync(_sequence, since, cancellationToken))
        {
            _sequence = Math.Max(_sequence, placement.Sequence);
            if (ArticleFeatures.Deserialize(placement.Features) is not { } features) continue;
            if (_index.StoryOf(placement.ArticleId) == placement.StoryId) continue;
            _index.Restore(placement.ArticleId, placement.StoryId, placement.PublishedUtc, features, placement.DuplicateOf);
        }
    }
}
