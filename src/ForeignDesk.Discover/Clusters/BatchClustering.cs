namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// Clustering over a set of articles held in memory (the <c>cluster</c> command, the bench): the same features, index
/// and decisions as the pipeline, fed in time order, without a store.
/// </summary>
public sealed class BatchClustering(ClusterOptions? options = null)
{
    private readonly StoryIndex _index = new(options ?? ClusterOptions.Default);
    private readonly Dictionary<long, long> _mergedInto = [];

    public long Comparisons => _index.Comparisons;

    public int StoryCount => _index.StoryCount;

    /// <summary>Stories merged into another since this clustering began.</summary>
    public long Merges => _index.Merges;

    public StoryDecision Place(StoryInput input)
    {
        var decision = _index.Assign(input.Id, input.PublishedUtc, FeatureExtractor.Extract(input));
        foreach (var absorbed in decision.Absorbed) _mergedInto[absorbed] = decision.StoryId;
        return decision;
    }

    /// <summary>The story <paramref name="storyId"/> lives in now, following merges.</summary>
    public long Current(long storyId)
    {
        while (_mergedInto.TryGetValue(storyId, out var survivor)) storyId = survivor;
        return storyId;
    }

    /// <summary>The related articles of one placed article (see <see cref="StoryClusterer"/>).</summary>
    public IReadOnlyList<long> Related(long articleId, int limit) => ForeignDesk.Discover.Related.RelatedRanker.Rank(_index, articleId, limit);

    /// <summary>Places every input in time order; returns each input's story id.</summary>
    public static IReadOnlyDictionary<long, long> Run(IEnumerable<StoryInput> inputs, ClusterOptions? options = null)
    {
        var clustering = new BatchClustering(options);
        var stories = new Dictionary<long, long>();
        foreach (var input in inputs.OrderBy(i => i.PublishedUtc).ThenBy(i => i.Id))
            stories[input.Id] = clustering.Place(input).StoryId;
        foreach (var id in stories.Keys) stories[id] = clustering.Current(stories[id]);
        return stories;
    }
}
