using ForeignDesk.Core;

namespace ForeignDesk.Discover.Trending;

/// <summary>
/// Trends 24h: the articles of the last 24 hours ranked by <see cref="TrendingScorer"/> on their views per hour and on
/// how many outlets carry the same story: the story clustering placed it in, or, for an article not placed yet,
/// articles whose headlines share enough distinctive words. One article per story: a lower-ranked article of a story
/// already listed is left out.
/// </summary>
public sealed class Trends24h(ITrendSignals signals, TrendingScorer scorer, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    /// <summary>Candidates of each kind: the newest articles of the window, and the most viewed in it.</summary>
    public const int CandidateLimit = 1000;

    /// <summary>Headlines this close (cosine of distinctive words) and sharing this many words tell one story.</summary>
    public const double SameStory = 0.4;
    public const int MinSharedWords = 2;

    public async Task<IReadOnlyList<ArticleSummary>> TopAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = await signals.TrendCandidatesAsync(now - Window, CandidateLimit, cancellationToken);
        var stories = StoryNeighbours(candidates);
        var currentHour = now.ToUnixTimeSeconds() / 3600;

        var ranked = candidates
            .Select((c, i) => (Index: i, Score: scorer.Score(ViewsPerHour(c.Views, currentHour), stories[i].Select(j => candidates[j].SourceId).Append(c.SourceId).Distinct().Count(), now - c.Article.PublishedUtc)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => candidates[x.Index].Article.PublishedUtc);

        var listed = new List<ArticleSummary>();
        var covered = new HashSet<int>();
        foreach (var (index, _) in ranked)
        {
            if (listed.Count >= limit) break;
            if (!covered.Add(index)) continue;
            covered.UnionWith(stories[index]);
            listed.Add(candidates[index].Article);
        }
        return listed;
    }

    private static double[] ViewsPerHour(IReadOnlyList<HourlyViews> views, long currentHour)
    {
        var perHour = new double[(int)Window.TotalHours + 1];
        foreach (var view in views)
        {
            var age = currentHour - view.HourUtc.ToUnixTimeSeconds() / 3600;
            if (age >= 0 && age < perHour.Length) perHour[age] += view.Count;
        }
        return perHour;
    }

    /// <summary>
    /// For each candidate, the other candidates of its story: the same story id when clustering placed both,
    /// otherwise headlines close enough (through an inverted word index).
    /// </summary>
    private static List<int>[] StoryNeighbours(IReadOnlyList<TrendCandidate> candidates)
    {
        var byStory = candidates.Select((c, i) => (c.StoryId, Index: i)).Where(x => x.StoryId is not null)
            .GroupBy(x => x.StoryId!.Value).ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToList());
        var words = candidates.Select(c => TitleWords.Of(c.Article.Title, c.Article.Teaser)).ToArray();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            foreach (var word in words[i])
                (index.TryGetValue(word, out var list) ? list : index[word] = []).Add(i);

        var neighbours = new List<int>[candidates.Count];
        var shared = new Dictionary<int, int>();
        for (var i = 0; i < words.Length; i++)
        {
            if (candidates[i].StoryId is { } story)
            {
                neighbours[i] = byStory[story].Where(j => j != i).ToList();
                continue;
            }
            shared.Clear();
            foreach (var word in words[i])
                foreach (var j in index[word])
                    if (j != i) shared[j] = shared.GetValueOrDefault(j) + 1;
            neighbours[i] = shared
                .Where(s => candidates[s.Key].StoryId is null)
                .Where(s => s.Value >= MinSharedWords && TitleWords.Overlap(words[i], words[s.Key], s.Value) >= SameStory)
                .Select(s => s.Key).ToList();
        }
        return neighbours;
    }
}
