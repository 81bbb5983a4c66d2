namespace ForeignDesk.Core;

/// <summary>What a new source needs; the store gives it an id and slug.</summary>
/// <param name="Policy">What the site may show of it; null for the store's default (<c>Sources:DefaultPolicy</c>, else full).</param>
public sealed record SourceDraft(string Name, Uri HomeUrl, IReadOnlyList<Uri> FeedUrls, string? Language, string Category, string TimeZone,
    SourcePolicy? Policy = null);

/// <summary>Conditional-GET validators remembered for one URL.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified);

/// <summary>An extracted article ready to be stored (insert or update by canonical URL).</summary>
/// <param name="Language">The language the article is handled in (translated from, or awaiting an engine for).</param>
/// <param name="DetectedOtherLanguage">
/// The article was detected, confidently, in another language than its source's configured ones, and is handled in
/// that language; <c>/status</c> counts such articles per source.
/// </param>
public sealed record ArticleDraft(
    long SourceId,
    string Url,
    string Language,
    ExtractedArticle Original,
    DateTimeOffset PublishedUtc,
    bool PublishedEstimated,
    string Category,
    string ContentHash,
    FetchedPage Page,
    bool DetectedOtherLanguage = false);

public enum ArticleChange { Created, Updated, Unchanged }

public sealed record SaveResult(long ArticleId, ArticleChange Change);

public interface IArticleStore
{
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Whether every migration this build knows has been applied; throws when the store cannot be reached.</summary>
    Task<bool> IsSchemaCurrentAsync(CancellationToken cancellationToken);

    // Sources
    Task<Source> AddSourceAsync(SourceDraft draft, CancellationToken cancellationToken);
    Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken cancellationToken);
    Task<Source?> GetSourceAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The source with this id, or null when it is gone (a pipeline job reads only the one it works for).</summary>
    Task<Source?> GetSourceAsync(long id, CancellationToken cancellationToken);
    Task<bool> RemoveSourceAsync(string slug, CancellationToken cancellationToken);

    // Fetch state and health
    Task<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken);
    Task SaveValidatorsAsync(string url, HttpValidators validators, CancellationToken cancellationToken);
    Task RecordSourceSuccessAsync(long sourceId, DateTimeOffset atUtc, CancellationToken cancellationToken);
    Task RecordProblemAsync(FetchProblem problem, CancellationToken cancellationToken);
    Task<IReadOnlyList<SourceHealth>> SourceHealthAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// The times of each article first seen at or after <paramref name="sinceUtc"/>, newest first, at most
    /// <paramref name="limit"/> (they read article rows: compute from them in the background).
    /// </summary>
    Task<IReadOnlyList<ArticleTimes>> ArticleTimesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken);

    /// <summary>Each source's article counts (they read every article's index entry: compute them in the background).</summary>
    Task<IReadOnlyList<SourceArticleCounts>> SourceArticleCountsAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// The translations made per engine and source language, and how many failed a <see cref="TranslationChecks"/>
    /// check, since the hour that holds <paramref name="sinceUtc"/> (the last two days at most), or in all when null.
    /// Read from tallies kept as translations are stored, never from the articles.
    /// </summary>
    Task<IReadOnlyList<CheckFailureCounts>> CheckFailureCountsAsync(DateTimeOffset? sinceUtc, CancellationToken cancellationToken);
    Task<IReadOnlyList<FetchProblem>> RecentProblemsAsync(int limit, CancellationToken cancellationToken);

    // Articles
    Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken);
    Task<SaveResult> SaveArticleAsync(ArticleDraft draft, DateTimeOffset nowUtc, CancellationToken cancellationToken);
    Task SaveTranslationAsync(long articleId, TranslatedArticle translation, DateTimeOffset nowUtc, CancellationToken cancellationToken);
    Task MarkAwaitingEngineAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the outlet removed the article (its page answered 404 or 410) at <paramref name="atUtc"/>: the article
    /// and its versions are kept and its page still answers, but it leaves every list, feed, sitemap and search. The
    /// first removal's time is kept when it is recorded again.
    /// </summary>
    Task MarkRemovedByOutletAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken);
    Task<IReadOnlyList<long>> UntranslatedAsync(int limit, CancellationToken cancellationToken);
    Task<IReadOnlyList<long>> AllArticleIdsAsync(CancellationToken cancellationToken);
    Task<FetchedPage?> GetPageAsync(long articleId, CancellationToken cancellationToken);

    // Reading
    Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken);
    Task<IReadOnlyList<ArticleSummary>> LatestAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Articles of one outlet-local day, newest first, a page at a time.</summary>
    Task<ArticlePage> OnDateAsync(DateOnly localDate, PageCursor? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Articles filed under <paramref name="category"/>, newest first, a page at a time.</summary>
    Task<ArticlePage> InCategoryAsync(string category, PageCursor? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Articles of one source, newest first, a page at a time.</summary>
    Task<ArticlePage> FromSourceAsync(long sourceId, PageCursor? cursor, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<ArticleSummary>> RelatedAsync(long articleId, int limit, CancellationToken cancellationToken);

    // Views and trends
    Task RecordViewAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken);

    /// <summary>Adds views counted elsewhere (in memory), in one transaction; views of articles that no longer exist are dropped.</summary>
    Task RecordViewsAsync(IReadOnlyCollection<ViewCount> views, CancellationToken cancellationToken);
    Task<IReadOnlyList<ArticleSummary>> TrendingAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken);
}
