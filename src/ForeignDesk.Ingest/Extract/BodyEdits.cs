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
        var result = new List<Paragraph>(paragraphs);
        while (result.Count > 0 && SameText(result[0].Text, lead))
        {
            result.RemoveAt(0);
        }
        result.RemoveAll(p => SameText(p.Text, title) || (byline is not null && Normalize(p.Text) == Normalize(byline))
            || (caption is not null && p.Text.Length < 300 && Normalize(p.Text) == Normalize(caption)));
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
        var a = Normalize(text);
        var b = Normalize(other);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var shorter = a.Length < b.Length ? a : b;
        var longer = a.Length < b.Length ? b : a;
        return shorter.Length >= 40 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    private static string Normalize(string text)
    {
        var trimmed = DomWalk.Collapse(text).TrimEnd('.', '…', ' ').Replace("...", string.Empty, StringComparison.Ordinal);
        return new string(trimmed.Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray()).ToLowerInvariant();
    }
}
