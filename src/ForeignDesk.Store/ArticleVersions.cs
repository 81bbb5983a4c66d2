using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// When either store keeps an earlier version of an article, and what it keeps: the version readers saw until the
/// change (the outlet's text and the translation with the editor's corrections applied), numbered after the last one
/// kept, beginning where that one ended (the first: when the article was translated, else first seen).
/// </summary>
internal static class ArticleVersions
{
    /// <summary>The latest kept version's number, end and what ended it.</summary>
    public readonly record struct Last(int Number, DateTimeOffset UntilUtc, VersionCause EndedBy);

    /// <summary>A version to keep, as its columns.</summary>
    public sealed record Row(int Number, DateTimeOffset FromUtc, DateTimeOffset UntilUtc, VersionCause Cause, VersionCause EndedBy, string Original, string? Translation);

    /// <summary>The article as it stands, kept as the version that <paramref name="endedBy"/> ends at <paramref name="nowUtc"/>.</summary>
    public static Row Keep(string originalJson, string? translationJson, IReadOnlyList<SegmentOverride> overrides, DateTimeOffset firstSeenUtc,
        Last? last, VersionCause endedBy, DateTimeOffset nowUtc)
    {
        var translation = translationJson is null ? null : ArticleJson.ReadTranslation(translationJson);
        var shown = translation;
        if (translation is not null && overrides.Count > 0)
            shown = SegmentOverride.Apply(ArticleJson.ReadOriginal(originalJson), translation, overrides).Translation;
        return new Row((last?.Number ?? 0) + 1, last?.UntilUtc ?? ArticleVersion.FirstFrom(translation, firstSeenUtc), nowUtc,
            last?.EndedBy ?? VersionCause.First, endedBy, originalJson,
            shown is null ? null : ReferenceEquals(shown, translation) ? translationJson : ArticleJson.Write(shown));
    }

    /// <summary>
    /// True when storing <paramref name="next"/> over <paramref name="current"/> makes a new version: there was a
    /// translation, the new one reads differently, and it is not the translation an outlet's update was waiting for
    /// (that one completes the update's version).
    /// </summary>
    public static bool TranslationMakesAVersion(string? currentJson, TranslatedArticle next, Last? last)
    {
        if (currentJson is null) return false;
        var current = ArticleJson.ReadTranslation(currentJson);
        if (ReadsTheSame(current, next)) return false;
        return !(last is { EndedBy: VersionCause.OutletUpdate } update && (current.TranslatedUtc ?? DateTimeOffset.MinValue) <= update.UntilUtc);
    }

    private static bool ReadsTheSame(TranslatedArticle a, TranslatedArticle b) =>
        a.Title == b.Title && a.Teaser == b.Teaser && a.ImageCaption == b.ImageCaption
        && a.Paragraphs.Select(p => (p.Kind, p.Html)).SequenceEqual(b.Paragraphs.Select(p => (p.Kind, p.Html)));

    public static ArticleVersion Read(long articleId, Row row) => new(articleId, row.Number, row.FromUtc, row.UntilUtc, row.Cause, row.EndedBy,
        ArticleJson.ReadOriginal(row.Original), row.Translation is null ? null : ArticleJson.ReadTranslation(row.Translation));
}
