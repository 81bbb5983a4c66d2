using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>Ranks articles by how many distinctive words their titles and teasers share, newer first on ties.</summary>
internal static class RelatedScorer
{
    public const int CandidatePool = 500;
    private const double SameCategoryBonus = 0.05;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "his", "her", "their",
        "has", "have", "had", "not", "but", "will", "would", "can", "could", "after", "before", "over", "into", "about",
        "more", "than", "new", "says", "said", "de", "la", "el", "le", "les", "des", "en", "y", "et", "que", "du", "los", "las",
    };

    public static IReadOnlyList<ArticleSummary> Rank(ArticleSummary target, IEnumerable<ArticleSummary> candidates, int limit)
    {
        var words = Words(target);
        return candidates
            .Select(c => (Summary: c, Score: Score(words, Words(c))))
            .Where(x => x.Score > 0 && !string.Equals(x.Summary.Title, target.Title, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Score + (x.Summary.Category == target.Category ? SameCategoryBonus : 0))
            .ThenByDescending(x => x.Summary.PublishedUtc)
            .Take(limit)
            .Select(x => x.Summary)
            .ToList();
    }

    private static double Score(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return shared / Math.Sqrt((double)a.Count * b.Count);
    }

    private static HashSet<string> Words(ArticleSummary summary)
    {
        var text = summary.Title + " " + summary.Teaser;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string(token.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            if (word.Length > 2 && !StopWords.Contains(word)) words.Add(word);
        }
        return words;
    }
}
