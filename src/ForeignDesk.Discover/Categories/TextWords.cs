namespace ForeignDesk.Discover.Categories;

/// <summary>The content words of an English text: lower case, three letters or more, common words left out.</summary>
internal static class TextWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "that", "this", "these", "those", "was", "were", "are", "has", "have", "had",
        "its", "his", "her", "their", "they", "them", "she", "him", "not", "but", "will", "would", "can", "could", "after",
        "before", "over", "into", "about", "more", "than", "also", "been", "which", "who", "what", "when", "where", "there",
        "said", "says", "one", "two", "all", "out", "new", "our", "you", "your", "some", "other", "such", "only", "very",
    };

    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            if (letter || start < 0) continue;
            if (i - start >= 3)
            {
                var word = text[start..i].ToLowerInvariant();
                if (!StopWords.Contains(word)) yield return word;
            }
            start = -1;
        }
    }
}
