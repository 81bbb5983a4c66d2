using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Drops body paragraphs that repeat what the article shows elsewhere (teaser, title, byline, caption) or that are
/// about the article rather than of it (byline, date and reading-time lines), and chooses the teaser.
/// </summary>
internal static class BodyEdits
{
    /// <summary>The opening paragraphs looked at for metadata lines: they come before the running text.</summary>
    private const int OpeningParagraphs = 8;

    /// <summary>A paragraph this long is running text: metadata lines are not looked for after it.</summary>
    private const int RunningText = 200;

    /// <summary>
    /// Takes the metadata lines (<see cref="MetadataLines"/>) off the opening of the body, before its running text; a
    /// lead element that is such a line is no lead. A wire dateline opening the first paragraph ("MADRID, 28 nov
    /// (EFE).- El Gobierno…") stays: it is the start of the lead sentence, and the article reads wrong without it.
    /// Returns what they said (the first byline and date; the dateline's agency when no line named anyone).
    /// </summary>
    public static (List<Paragraph> Paragraphs, string? Lead, LineFacts Facts) WithoutMetadataLines(List<Paragraph> paragraphs, string? lead, DateTimeOffset fetchedAt)
    {
        string? byline = null, agency = null;
        PageTime? published = null;
        if (lead is not null && MetadataLines.Read(lead, fetchedAt) is { } leadFacts)
        {
            (byline, published, lead) = (leadFacts.Byline, leadFacts.Published, null);
        }
        var result = new List<Paragraph>(paragraphs.Count);
        var opening = true;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (opening && i < OpeningParagraphs && paragraph.Kind != "pre" && MetadataLines.Read(paragraph.Text, fetchedAt) is { } facts)
            {
                byline ??= facts.Byline;
                published ??= facts.Published;
                continue;
            }
            if (result.Count == 0) agency = MetadataLines.DatelineAgency(paragraph.Text);
            result.Add(paragraph);
            if (paragraph.Text.Length >= RunningText) opening = false;
        }
        return (result, lead, new LineFacts(byline ?? agency, published));
    }

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
    /// The teaser to show above the body: the outlet's description, else the lead element, skipping either when it only
    /// repeats the body's first paragraph or is not a summary at all (a byline, a date line, the image caption). Null
    /// when nothing else is left: the body's first paragraph, already free of metadata lines, then stands for it.
    /// </summary>
    public static string? Teaser(IReadOnlyList<Paragraph> paragraphs, string? description, string? lead, string? caption, DateTimeOffset fetchedAt)
    {
        var first = paragraphs.Count > 0 ? paragraphs[0].Text : string.Empty;
        foreach (var candidate in new[] { description, lead })
        {
            if (candidate is null || SameText(first, candidate) || SameText(candidate, caption)) continue;
            if (MetadataLines.Read(candidate, fetchedAt) is not null) continue;
            return candidate;
        }
        return null;
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
