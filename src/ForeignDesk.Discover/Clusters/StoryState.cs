namespace ForeignDesk.Discover.Clusters;

/// <summary>One story as the index holds it: summed term weights, key counts and its members.</summary>
internal sealed class StoryState(long id)
{
    public long Id { get; } = id;
    public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;
    public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;
    public Dictionary<string, float> TermSums { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> KeyCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Key counts per member language ("keylang").</summary>
    public Dictionary<string, int> KeyLanguageCounts { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Posted { get; } = new(StringComparer.Ordinal);
    public List<StoryMember> Members { get; } = [];

    public void Add(StoryMember member)
    {
        Members.Add(member);
        foreach (var (term, weight) in member.Features.Terms) TermSums[term] = TermSums.GetValueOrDefault(term) + weight;
        foreach (var key in member.Features.Keys)
        {
            KeyCounts[key] = KeyCounts.GetValueOrDefault(key) + 1;
            var byLanguage = key + "\u0001" + member.Features.Language;
            KeyLanguageCounts[byLanguage] = KeyLanguageCounts.GetValueOrDefault(byLanguage) + 1;
        }
        if (member.Published < First) First = member.Published;
        if (member.Published > Last) Last = member.Published;
    }

    /// <summary>
    /// Whether a name key is found only in members of <paramref name="language"/>: then it is likely a capitalized
    /// common word of that language (German nouns) that the term similarity already counts.
    /// </summary>
    public bool OnlyIn(string key, string language) =>
        key.StartsWith("e:", StringComparison.Ordinal) && KeyLanguageCounts.GetValueOrDefault(key + "\u0001" + language) == KeyCounts.GetValueOrDefault(key);

    public void Remove(long articleId)
    {
        var index = Members.FindIndex(m => m.ArticleId == articleId);
        if (index < 0) return;
        var member = Members[index];
        Members.RemoveAt(index);
        foreach (var (term, weight) in member.Features.Terms)
        {
            var left = TermSums.GetValueOrDefault(term) - weight;
            if (left <= 1e-4f) TermSums.Remove(term); else TermSums[term] = left;
        }
        foreach (var key in member.Features.Keys)
        {
            var left = KeyCounts.GetValueOrDefault(key) - 1;
            if (left <= 0) KeyCounts.Remove(key); else KeyCounts[key] = left;
            var byLanguage = key + "\u0001" + member.Features.Language;
            var leftInLanguage = KeyLanguageCounts.GetValueOrDefault(byLanguage) - 1;
            if (leftInLanguage <= 0) KeyLanguageCounts.Remove(byLanguage); else KeyLanguageCounts[byLanguage] = leftInLanguage;
        }
        First = Members.Count == 0 ? DateTimeOffset.MaxValue : Members.Min(m => m.Published);
        Last = Members.Count == 0 ? DateTimeOffset.MinValue : Members.Max(m => m.Published);
    }
}

/// <summary>An article in a story.</summary>
internal sealed record StoryMember(long ArticleId, DateTimeOffset Published, ArticleFeatures Features, long? DuplicateOf);
