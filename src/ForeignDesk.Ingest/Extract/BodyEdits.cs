using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Drops body paragraphs that repeat what the article shows elsewhere: teaser, title, byline, caption.</summary>
internal static class BodyEdits
{
    public static List<Paragraph> WithoutRepeats(List<Paragraph> paragraphs, string? teaser, string? lead, string title, string? byline, string? caption)
    {
        var result = new List<Paragraph>(paragraphs);
        while (result.Count > 0 && (SameText(result[0].Text, teaser) || SameText(result[0].Text, lead)))
        {
            result.RemoveAt(0);
        }
        result.RemoveAll(p => SameText(p.Text, title) || (byline is not null && Normalize(p.Text) == Normalize(byline))
            || (caption is not null && p.Text.Length < 300 && Normalize(p.Text) == Normalize(caption)));
        return result;
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
