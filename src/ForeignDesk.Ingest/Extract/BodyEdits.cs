using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Drops body paragraphs that repeat what the article shows elsewhere: teaser, title, byline, caption.</summary>
internal static class BodyEdits
{
    /// <summary>
    /// Drops leading paragraphs that repeat the page's separate lead element (shown as the teaser) and paragraphs that
    /// repeat the title, byline or caption. A first paragraph that merely equals the meta description stays: it is
    /// part of the article's text flow, and <see cref="Teaser"/> leaves the description out instead.
    /// </summary>
    public static List<Paragraph> WithoutRepeats(List<Paragraph> paragraphs, string? lead, string title, string? byline, string? caption)
    {
        var skip = 0;
        while (skip < paragraphs.Count && SameText(paragraphs[skip].Text, lead)) skip++;
        // Each text is normalized once: the title, byline and caption up front, each paragraph when it is reached.
        var titleKey = string.IsNullOrWhiteSpace(title) ? string.Empty : Normalize(title);
        var bylineKey = byline is null ? null : Normalize(byline);
        var captionKey = caption is null ? null : Normalize(caption);
        var result = new List<Paragraph>(paragraphs.Count - skip);
        for (var i = skip; i < paragraphs.Count; i++)
        {
            var key = Normalize(paragraphs[i].Text);
            var repeats = RepeatsTitle(key, titleKey) || key == bylineKey || (paragraphs[i].Text.Length < 300 && key == captionKey);
            if (!repeats) result.Add(paragraphs[i]);
        }
        return result;
    }

    /// <summary>
    /// The teaser to show above the body: the description, else the lead element, skipping either when it only repeats
    /// the body's first paragraph (null when nothing else is left).
    /// </summary>
    public static string? Teaser(IReadOnlyList<Paragraph> paragraphs, string? description, string? lead)
    {
        var first = paragraphs.Count > 0 ? paragraphs[0].Text : string.Empty;
        if (description is not null && !SameText(first, description)) return description;
        return lead is not null && !SameText(first, lead) ? lead : null;
    }

    /// <summary>Equal after normalizing, or one is a truncation ("…") of the other.</summary>
    internal static bool SameText(string text, string? other)
    {
        if (string.IsNullOrWhiteSpace(other)) return false;
        return SameKey(Normalize(text), Normalize(other));
    }

    /// <summary>
    /// The paragraph is the title, or a cut version of it, or the title cut: a paragraph that opens with the title's
    /// words and goes on for much longer is the article's own text.
    /// </summary>
    private static bool RepeatsTitle(string key, string titleKey) =>
        SameKey(key, titleKey) && Math.Max(key.Length, titleKey.Length) <= Math.Min(key.Length, titleKey.Length) * 3 / 2;

    private static bool SameKey(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var shorter = a.Length < b.Length ? a : b;
        var longer = a.Length < b.Length ? b : a;
        return shorter.Length >= 40 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>Lower-case letters, digits and single spaces of the text, without its trailing dots.</summary>
    private static string Normalize(string text)
    {
        var trimmed = DomWalk.Collapse(text).AsSpan().TrimEnd(". …");
        var buffer = trimmed.Length <= 512 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c) || c == ' ') buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }
}
