using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>A precomputed related article as stored: its line, its story now, and the story of the article it is related to.</summary>
internal readonly record struct RelatedRow(ArticleSummary Summary, long? Story, long? OwnStory);

/// <summary>A recent article and the story it is in, if any.</summary>
internal readonly record struct RecentRow(ArticleSummary Summary, long? Story);

/// <summary>What a line of the story list says about a story: its size, outlets, languages (a comma list) and headline.</summary>
internal readonly record struct StoryLineFacts(long Id, int Articles, int Outlets, string Languages, string Headline);

/// <summary>How every store turns the rows its queries read into story pages and lists.</summary>
internal static class StoryLists
{
    /// <summary>
    /// The stored related list, best first, without articles of the article's own story and with one article per story
    /// (the best ranked): the list is short, so it is read whole and filtered here.
    /// </summary>
    public static IReadOnlyList<ArticleSummary> Related(IEnumerable<RelatedRow> rows, int limit)
    {
        var stories = new HashSet<long>();
        return rows.Where(row => row.Story is not { } story || (story != row.OwnStory && stories.Add(story)))
            .Take(limit).Select(row => row.Summary).ToList();
    }

    /// <summary>
    /// "You may like": the precomputed list when there is one, else the newest articles ranked by shared words with the
    /// article (<see cref="RelatedScorer"/>); empty when the article does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(Task<IReadOnlyList<ArticleSummary>> precomputed,
        Func<Task<List<ArticleSummary>>> article, Func<Task<List<ArticleSummary>>> candidates, int limit)
    {
        if (await precomputed is { Count: > 0 } list) return list;
        var target = await article();
        return target.Count == 0 ? [] : RelatedScorer.Rank(target[0], await candidates(), limit);
    }

    /// <summary>A story from its articles in time order and its stored headline; null when it has no article.</summary>
    public static async Task<Story?> StoryAsync(long storyId, Task<List<StoryArticle>> articles, Func<Task<string?>> headline)
    {
        var list = await articles;
        if (list.Count == 0) return null;
        return new Story(storyId, await headline() ?? list[0].Article.Title, list[0].Article.PublishedUtc, list[^1].Article.PublishedUtc, list);
    }

    /// <summary>How many recent articles the story list reads per line it shows.</summary>
    public const int ScanPerLine = 8;

    /// <summary>
    /// The newest articles, one line per story: <paramref name="recent"/> reads that many articles newest first,
    /// <paramref name="facts"/> the facts of the stories among them.
    /// </summary>
    public static async Task<IReadOnlyList<StoryLine>> LatestAsync(Func<int, Task<List<RecentRow>>> recent,
        Func<long[], Task<List<StoryLineFacts>>> facts, int limit)
    {
        var picked = (await recent(limit * ScanPerLine)).DistinctBy(x => x.Story ?? -x.Summary.Id).Take(limit).ToList();
        var known = (await facts(picked.Where(x => x.Story is not null).Select(x => x.Story!.Value).ToArray())).ToDictionary(f => f.Id);
        return picked.Select(x => x.Story is { } id && known.TryGetValue(id, out var f)
                ? new StoryLine(x.Summary, id, f.Headline, f.Articles, f.Outlets, StoredValues.Languages(f.Languages))
                : new StoryLine(x.Summary, null, null, 1, 1, [x.Summary.Language]))
            .ToList();
    }
}
