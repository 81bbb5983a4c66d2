namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// The recent window of stories, with an inverted index from names, numbers, dates and each article's most
/// distinctive terms to the stories holding them. An article is compared only with the stories the index proposes;
/// nothing is recomputed for the others. Not thread-safe: callers serialize.
/// </summary>
internal sealed partial class StoryIndex(ClusterOptions options)
{
    private const int PostedTerms = 10;
    private const int LongPosting = 5000;
    private const double TermWeight = 0.6;
    private const double KeyWeight = 0.5;
    private const double KeyScale = 8.0;
    private const double SameLanguageNameWeight = 0.3;

    /// <summary>Articles assumed seen before the index's first, so that rare names weigh as rare from the start.</summary>
    private const double PriorArticles = 200;

    private readonly Dictionary<long, StoryState> _stories = [];
    private readonly Dictionary<long, long> _storyOf = [];
    private readonly Dictionary<string, HashSet<long>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private int _articles;
    private int _sincePrune;
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    public ClusterOptions Options => options;

    public int StoryCount => _stories.Count;

    public int ArticleCount => _articles;

    /// <summary>Stories scored in full since the index was made.</summary>
    public long Comparisons { get; private set; }

    public bool Contains(long articleId) => _storyOf.ContainsKey(articleId);

    public long? StoryOf(long articleId) => _storyOf.TryGetValue(articleId, out var story) ? story : null;

    /// <summary>
    /// Places an article: in the best story within the window above the threshold, else in a new story. When it matches
    /// two or more stories strongly (<see cref="ClusterOptions.MergeThreshold"/>), they are merged into the oldest first.
    /// </summary>
    public StoryDecision Assign(long articleId, DateTimeOffset published, ArticleFeatures features)
    {
        long? keep = null;
        if (_storyOf.TryGetValue(articleId, out var previous))
        {
            keep = previous;
            RemoveArticle(articleId);
        }

        var candidates = Candidates(features, published, options.JoinWindow, exclude: null);
        StoryState? best = null;
        double bestScore = 0;
        long? duplicateOf = null;
        var compared = 0;
        var strong = new List<StoryState>();
        foreach (var story in candidates)
        {
            Comparisons++;
            compared++;
            var copies = duplicateOf is null ? Duplicate(features, story.Members) : null;
            duplicateOf ??= copies;
            var score = Score(features, story);
            if (score >= options.MergeThreshold || copies is not null) strong.Add(story);
            if (copies is not null && story.Members.Any(m => m.ArticleId == copies))
            {
                (best, bestScore) = (story, 1);
                continue;
            }
            if (score > bestScore && bestScore < 1) (best, bestScore) = (story, score);
        }

        var join = best is not null && (bestScore >= options.JoinThreshold || duplicateOf is not null);
        if (!join) duplicateOf = null;
        var storyId = join ? best!.Id : keep ?? articleId;
        var merge = join && strong.Count >= 2 ? Merge(strong) : null;
        if (merge is not null) storyId = merge.Survivor.Id;
        Add(new StoryMember(articleId, published, features, duplicateOf), storyId);
        return new StoryDecision(storyId, !join, duplicateOf, bestScore, candidates.Count, compared)
        {
            Absorbed = merge?.Absorbed ?? [],
            Duplicates = merge?.Duplicates ?? [],
        };
    }

    /// <summary>Puts back an article placed earlier (rebuilding the index from the store).</summary>
    public void Restore(long articleId, long storyId, DateTimeOffset published, ArticleFeatures features, long? duplicateOf)
    {
        if (_storyOf.ContainsKey(articleId)) RemoveArticle(articleId);
        Add(new StoryMember(articleId, published, features, duplicateOf), storyId);
    }

    /// <summary>The story and features an article was placed with, or null.</summary>
    internal (StoryState Story, StoryMember Member)? Placed(long articleId)
    {
        if (!_storyOf.TryGetValue(articleId, out var id)) return null;
        var story = _stories[id];
        return (story, story.Members.First(m => m.ArticleId == articleId));
    }

    internal List<StoryState> Candidates(ArticleFeatures features, DateTimeOffset published, TimeSpan window, long? exclude)
    {
        var votes = new Dictionary<long, double>();
        foreach (var posting in PostingKeys(features))
        {
            if (!_postings.TryGetValue(posting, out var stories) || stories.Count > LongPosting) continue;
            var weight = Idf(posting);
            foreach (var id in stories) votes[id] = votes.GetValueOrDefault(id) + weight;
        }
        return votes
            .Where(v => v.Key != exclude)
            .Select(v => (Story: _stories[v.Key], Votes: v.Value))
            .Where(s => published >= s.Story.First - window && published <= s.Story.Last + window)
            .OrderByDescending(s => s.Votes)
            .Take(options.MaxCandidates)
            .Select(s => s.Story)
            .ToList();
    }

    /// <summary>Similarity of an article to a story: English terms (cosine, IDF-weighted) plus shared names, numbers and dates.</summary>
    internal double Score(ArticleFeatures features, StoryState story)
    {
        var cosine = TermCosine(features.Terms, story.TermSums);

        double evidence = 0;
        foreach (var key in features.Keys)
            if (story.KeyCounts.ContainsKey(key)) evidence += Idf("k:" + key) * (story.OnlyIn(key, features.Language) ? SameLanguageNameWeight : 1);
        var keyScore = 1 - Math.Exp(-evidence / KeyScale);
        return TermWeight * cosine + KeyWeight * keyScore;
    }

    /// <summary>Cosine of two term-weight maps, each weight scaled by its term's IDF.</summary>
    private double TermCosine(Dictionary<string, float> a, Dictionary<string, float> b)
    {
        double dot = 0, a2 = 0, b2 = 0;
        foreach (var (term, weight) in a)
        {
            var idf = Idf("t:" + term);
            var x = weight * idf;
            a2 += x * x;
            if (b.TryGetValue(term, out var other)) dot += x * other * idf;
        }
        foreach (var (term, weight) in b)
        {
            var y = weight * Idf("t:" + term);
            b2 += y * y;
        }
        return a2 == 0 || b2 == 0 ? 0 : dot / Math.Sqrt(a2 * b2);
    }

    private long? Duplicate(ArticleFeatures features, IEnumerable<StoryMember> members)
    {
        if (features.Sketch.Length < 8) return null;
        foreach (var member in members)
        {
            if (member.Features.Language != features.Language) continue;
            if (Resemblance(features.Sketch, member.Features.Sketch) >= options.DuplicateThreshold)
                return member.DuplicateOf ?? member.ArticleId;
        }
        return null;
    }

    /// <summary>Jaccard estimate from two bottom-k sketches (sorted ascending).</summary>
    internal static double Resemblance(uint[] a, uint[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, taken = 0, shared = 0;
        var k = Math.Min(FeatureExtractor.SketchSize, Math.Max(a.Length, b.Length));
        while (taken < k && (i < a.Length || j < b.Length))
        {
            if (j >= b.Length || (i < a.Length && a[i] < b[j])) i++;
            else if (i >= a.Length || b[j] < a[i]) j++;
            else { shared++; i++; j++; }
            taken++;
        }
        return taken == 0 ? 0 : (double)shared / taken;
    }

    private IEnumerable<string> PostingKeys(ArticleFeatures features) =>
        features.Keys.Select(k => "k:" + k).Concat(
            features.Terms.OrderByDescending(t => t.Value * Idf("t:" + t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(PostedTerms).Select(t => "t:" + t.Key));

    private double Idf(string key) => Math.Log((_articles + PriorArticles) / (_df.GetValueOrDefault(key) + 1.0)) + 1.0;

    private void Add(StoryMember member, long storyId)
    {
        if (!_stories.TryGetValue(storyId, out var story)) _stories[storyId] = story = new StoryState(storyId);
        foreach (var term in member.Features.Terms.Keys) _df["t:" + term] = _df.GetValueOrDefault("t:" + term) + 1;
        foreach (var key in member.Features.Keys) _df["k:" + key] = _df.GetValueOrDefault("k:" + key) + 1;
        _articles++;
        story.Add(member);
        _storyOf[member.ArticleId] = storyId;
        foreach (var posting in PostingKeys(member.Features))
        {
            if (!story.Posted.Add(posting)) continue;
            if (!_postings.TryGetValue(posting, out var set)) _postings[posting] = set = [];
            set.Add(storyId);
        }
        if (member.Published > _newest) _newest = member.Published;
        if (++_sincePrune >= 512) Prune();
    }

    private void RemoveArticle(long articleId)
    {
        var story = _stories[_storyOf[articleId]];
        var member = story.Members.First(m => m.ArticleId == articleId);
        foreach (var term in member.Features.Terms.Keys) Decrement("t:" + term);
        foreach (var key in member.Features.Keys) Decrement("k:" + key);
        _articles--;
        story.Remove(articleId);
        _storyOf.Remove(articleId);
        if (story.Members.Count == 0) DropStory(story);
    }

    private void Decrement(string key)
    {
        var left = _df.GetValueOrDefault(key) - 1;
        if (left <= 0) _df.Remove(key); else _df[key] = left;
    }

    /// <summary>Forgets stories that have left the related window.</summary>
    private void Prune()
    {
        _sincePrune = 0;
        var horizon = _newest - options.RelatedWindow - options.JoinWindow;
        foreach (var story in _stories.Values.Where(s => s.Last < horizon).ToList())
            foreach (var member in story.Members.ToList()) RemoveArticle(member.ArticleId);
    }

    private void DropStory(StoryState story)
    {
        foreach (var posting in story.Posted)
        {
            if (!_postings.TryGetValue(posting, out var set)) continue;
            set.Remove(story.Id);
            if (set.Count == 0) _postings.Remove(posting);
        }
        _stories.Remove(story.Id);
    }
}
