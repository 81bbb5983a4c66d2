namespace ForeignDesk.Core;

/// <summary>Where an article stands in the pipeline.</summary>
public enum ArticleState
{
    /// <summary>Extracted, not yet translated.</summary>
    Extracted,
    /// <summary>No configured engine translates its language; shown in the original with a notice.</summary>
    AwaitingEngine,
    /// <summary>Translated into English and published.</summary>
    Translated,
}

/// <summary>An article as the store keeps it: the original, and its English translation when there is one.</summary>
/// <param name="Url">Normalized canonical URL: the article's identity.</param>
/// <param name="PublishedUtc">Publication instant in UTC; the first-seen instant when <paramref name="PublishedEstimated"/>.</param>
/// <param name="TimeZone">The outlet's IANA time zone, for its local time.</param>
public sealed record StoredArticle(
    long Id,
    long SourceId,
    string SourceSlug,
    string SourceName,
    string Url,
    string Language,
    ExtractedArticle Original,
    DateTimeOffset PublishedUtc,
    bool PublishedEstimated,
    DateTimeOffset? ModifiedUtc,
    string TimeZone,
    string Category,
    ArticleState State,
    TranslatedArticle? Translation,
    DateTimeOffset FirstSeenUtc,
    DateTimeOffset UpdatedUtc,
    string ContentHash)
{
    /// <summary>When a check of the outlet's page found it gone (404 or 410); null while the outlet still has it.</summary>
    public DateTimeOffset? RemovedUtc { get; init; }

    /// <summary>Whether earlier versions of the article are kept (the outlet changed it, it was translated again or corrected).</summary>
    public bool HasEarlierVersions { get; init; }

    /// <summary>Whether an editor corrected paragraphs of its translation.</summary>
    public bool HasCorrections { get; init; }

    /// <summary>The English title when translated, else the original one.</summary>
    public string DisplayTitle => Translation?.Title ?? Original.Title;

    /// <summary>The outlet-local date, which keys the day archive.</summary>
    public DateOnly LocalDate => DateOnly.FromDateTime(LocalTime(PublishedUtc).DateTime);

    public DateTimeOffset LocalTime(DateTimeOffset instant) =>
        TimeZones.Find(TimeZone) is { } zone ? TimeZoneInfo.ConvertTime(instant, zone) : instant;
}

/// <summary>A line in a list of articles (Latest, Trends 24h, archives).</summary>
public sealed record ArticleSummary(
    long Id,
    string Title,
    string? Teaser,
    string Category,
    DateTimeOffset PublishedUtc,
    string SourceName,
    string Language,
    ArticleState State,
    long Views = 0);

/// <summary>The health of one source for /status.</summary>
public sealed record SourceHealth(
    Source Source,
    DateTimeOffset? LastFetchUtc,
    DateTimeOffset? LastSuccessUtc,
    string? LastError,
    int ConsecutiveErrors);

/// <summary>
/// How many articles of one source were first seen in the last 24 hours, and in all; how many of them were detected in
/// another language than the source's configured ones; and how many await an engine (no route translates the language
/// they are handled in, so they are kept untranslated and shown in their original with a notice).
/// </summary>
public sealed record SourceArticleCounts(long SourceId, int Today, int Total, int OtherLanguage, int AwaitingEngine);

/// <summary>
/// Translations that <paramref name="Engine"/> made from <paramref name="Language"/> (each translation made counts, an
/// article translated again counts again), how many of them failed a translation check, and their failing paragraphs.
/// </summary>
public sealed record CheckFailureCounts(string Engine, string Language, int Translations, int FailedTranslations, int FailedParagraphs);

/// <summary>A recorded problem with one URL of a source (a feed or an article page).</summary>
public sealed record FetchProblem(long SourceId, string Url, string Stage, string Message, DateTimeOffset AtUtc);
