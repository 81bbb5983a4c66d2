namespace ForeignDesk.Discover.Trending;

/// <summary>The distinctive words of a headline and teaser, for telling whether two articles tell one story.</summary>
internal static class TitleWords
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "have", "had", "its", "his", "her",
        "their", "they", "not", "but", "will", "would", "can", "could", "after", "before", "over", "into", "about", "more",
        "than", "new", "says", "said", "who", "what", "when", "where", "how", "why", "been", "also", "one", "two",
        "los", "las", "del", "por", "con", "una", "que", "les", "des", "dans", "pour", "sur", "une", "est", "per", "della",
    };

    public static HashSet<string> Of(string? title, string? teaser)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in $"{title} {teaser}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string(token.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            if (word.Length > 2 && !Common.Contains(word)) words.Add(word);
        }
        return words;
    }

    /// <summary>Cosine overlap of two word sets (0..1).</summary>
    public static double Overlap(HashSet<string> a, HashSet<string> b, int shared) =>
        a.Count == 0 || b.Count == 0 ? 0 : shared / Math.Sqrt((double)a.Count * b.Count);
}
