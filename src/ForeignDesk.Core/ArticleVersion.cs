namespace ForeignDesk.Core;

/// <summary>What made a version of an article.</summary>
public enum VersionCause
{
    /// <summary>The article as first stored and translated.</summary>
    First,
    /// <summary>The outlet changed its text.</summary>
    OutletUpdate,
    /// <summary>The article was translated again (a glossary change, another engine) with a different result.</summary>
    Retranslation,
    /// <summary>The editor corrected a paragraph, or undid a correction.</summary>
    EditorCorrection,
}

/// <summary>
/// A version of an article as readers saw it: the outlet's text and the translation shown (the editor's corrections
/// applied) from <see cref="FromUtc"/> until <see cref="UntilUtc"/>.
/// </summary>
/// <param name="Number">1 for the first version, then one more for each change.</param>
/// <param name="UntilUtc">When the next version replaced it; null for the current version.</param>
/// <param name="EndedBy">What made the next version; null for the current version.</param>
/// <param name="Translation">The translation as shown; null while the article had none.</param>
public sealed record ArticleVersion(
    long ArticleId,
    int Number,
    DateTimeOffset FromUtc,
    DateTimeOffset? UntilUtc,
    VersionCause Cause,
    VersionCause? EndedBy,
    ExtractedArticle Original,
    TranslatedArticle? Translation)
{
    /// <summary>The paragraphs a reader read: the translation's, or the original's while there was none.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => Translation?.Paragraphs ?? Original.Paragraphs;

    /// <summary>
    /// The article as it is now (<paramref name="shown"/>: its translation with the editor's corrections), following
    /// <paramref name="last"/>, its latest earlier version (null when it never changed).
    /// </summary>
    public static ArticleVersion Current(StoredArticle article, TranslatedArticle? shown, ArticleVersion? last) => new(
        article.Id, (last?.Number ?? 0) + 1,
        last?.UntilUtc ?? FirstFrom(article.Translation, article.FirstSeenUtc),
        null, last?.EndedBy ?? VersionCause.First, null, article.Original, shown);

    /// <summary>When the first version began: when it was translated, else when it was first seen.</summary>
    public static DateTimeOffset FirstFrom(TranslatedArticle? translation, DateTimeOffset firstSeenUtc) =>
        translation?.TranslatedUtc ?? firstSeenUtc;
}

/// <summary>The earlier versions of articles, kept by the store whenever an article's text or translation changes.</summary>
public interface IArticleVersionStore
{
    /// <summary>The article's earlier versions, oldest first; empty when it never changed.</summary>
    Task<IReadOnlyList<ArticleVersion>> EarlierVersionsAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>The article's latest earlier version; null when it never changed.</summary>
    Task<ArticleVersion?> LastEarlierVersionAsync(long articleId, CancellationToken cancellationToken);
}
