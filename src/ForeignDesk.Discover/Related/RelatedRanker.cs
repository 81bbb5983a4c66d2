using ForeignDesk.Discover.Clusters;

namespace ForeignDesk.Discover.Related;

/// <summary>
/// "You may like": one article from each of the stories most similar to an article's, over the index's related window,
/// recent ones preferred. Never the article itself, never its own story, never one story twice.
/// </summary>
internal static class RelatedRanker
{
    private const double MinimumSimilarity = 0.08;
    private const double HalfLifeDays = 2;

    public static IReadOnlyList<long> Rank(StoryIndex index, long articleId, int limit)
    {
        if (index.Placed(articleId) is not var (own, member)) return [];
        var scored = new List<(long Article, double Score)>();
        foreach (var story in index.Candidates(member.Features, member.Published, index.Options.RelatedWindow, exclude: own.Id))
        {
            var similarity = index.Score(member.Features, story);
            if (similarity < MinimumSimilarity) continue;
            var pick = story.Members.Where(m => m.ArticleId != articleId)
                .OrderBy(m => m.DuplicateOf is null ? 0 : 1).ThenByDescending(m => m.Published).FirstOrDefault();
            if (pick is null) continue;
            var ageDays = Math.Abs((member.Published - pick.Published).TotalDays);
            scored.Add((pick.ArticleId, similarity / (1 + ageDays / HalfLifeDays)));
        }
        return scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Article).Take(limit).Select(s => s.Article).ToList();
    }
}
