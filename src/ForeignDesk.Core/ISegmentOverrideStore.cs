using System.Security.Cryptography;
using System.Text;

namespace ForeignDesk.Core;

/// <summary>
/// The editor's own translation of one paragraph of an article, shown instead of the engine's for as long as the
/// original paragraph stays what it was when corrected (<see cref="OriginalHash"/>).
/// </summary>
/// <param name="Paragraph">The paragraph's index in the article's body (0-based).</param>
/// <param name="Text">The corrected English text (plain text).</param>
public sealed record SegmentOverride(long ArticleId, int Paragraph, string OriginalHash, string Text, string Operator, DateTimeOffset AtUtc)
{
    /// <summary>What an override remembers of the original paragraph it corrects.</summary>
    public static string HashOf(Paragraph original) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original.Kind + "\n" + original.Html)))[..32];

    /// <summary>
    /// The translation with the overrides that still fit the original put in place of the engine's paragraphs, and
    /// the indexes of the paragraphs replaced.
    /// </summary>
    public static (TranslatedArticle Translation, IReadOnlyList<int> Corrected) Apply(
        ExtractedArticle original, TranslatedArticle translation, IReadOnlyList<SegmentOverride> overrides)
    {
        if (overrides.Count == 0) return (translation, []);
        var paragraphs = translation.Paragraphs.ToList();
        var corrected = new List<int>();
        foreach (var o in overrides.OrderBy(o => o.Paragraph))
        {
            if (o.Paragraph >= paragraphs.Count || o.Paragraph >= original.Paragraphs.Count || HashOf(original.Paragraphs[o.Paragraph]) != o.OriginalHash) continue;
            var kind = paragraphs[o.Paragraph].Kind;
            paragraphs[o.Paragraph] = new Paragraph(kind, System.Net.WebUtility.HtmlEncode(o.Text), o.Text);
            corrected.Add(o.Paragraph);
        }
        // A corrected paragraph is the editor's: the engine's failed checks no longer apply to it.
        return (translation with { Paragraphs = paragraphs, Checks = [.. translation.Checks.Where(c => !corrected.Contains(c.Paragraph))] }, corrected);
    }
}

/// <summary>The editor's paragraph corrections.</summary>
public interface ISegmentOverrideStore
{
    /// <summary>Saves a correction, replacing one of the same paragraph.</summary>
    Task SaveOverrideAsync(SegmentOverride correction, CancellationToken cancellationToken);

    /// <summary>Removes the correction of a paragraph (the engine's translation shows again); false when there was none.</summary>
    Task<bool> RemoveOverrideAsync(long articleId, int paragraph, CancellationToken cancellationToken);

    Task<IReadOnlyList<SegmentOverride>> OverridesOfAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>The latest corrections, newest first.</summary>
    Task<IReadOnlyList<SegmentOverride>> RecentOverridesAsync(int limit, CancellationToken cancellationToken);
}
