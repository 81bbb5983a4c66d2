namespace ForeignDesk.Core;

/// <summary>Where clustering put one article: its story, whether it is a near-duplicate, and its features.</summary>
/// <param name="StoryId">The story; a story's id is the id of the article that started it.</param>
/// <param name="DuplicateOf">The article it copies (agency copy republished), when it is a near-duplicate.</param>
/// <param name="Features">The clustering features, serialized by the clusterer, so that its index can be rebuilt.</param>
public sealed record StoryPlacement(
    long ArticleId,
    long StoryId,
    DateTimeOffset PublishedUtc,
    long? DuplicateOf,
    string Features,
    long Sequence = 0);

/// <summary>One article of a story page.</summary>
public sealed record StoryArticle(ArticleSummary Article, string SourceSlug, long? DuplicateOf);

/// <summary>A story: articles about one event, from any outlet and language.</summary>
public sealed record Story(
    long Id,
    string Headline,
    DateTimeOffset FirstSeenUtc,
    DateTimeOffset LastSeenUtc,
    IReadOnlyList<StoryArticle> Articles)
{
    public int OutletCount => Articles.Select(a => a.SourceSlug).Distinct(StringComparer.Ordinal).Count();

    public IReadOnlyList<string> Languages => Articles.Select(a => a.Article.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>One line of a list that shows stories, not repeats: the newest article and, when it has company, its story.</summary>
public sealed record StoryLine(ArticleSummary Lead, long? StoryId, string? Headline, int ArticleCount, int OutletCount, IReadOnlyList<string> Languages);

/// <summary>Stories and the precomputed "You may like" lists.</summary>
public interface IStoryStore
{
    /// <summary>Records (or replaces) an article's placement and updates its story's headline and first/last seen.</summary>
    /// <returns>The placement's sequence number.</returns>
    Task<long> SavePlacementAsync(StoryPlacement placement, CancellationToken cancellationToken);

    /// <summary>Placements recorded after <paramref name="afterSequence"/> of articles published since <paramref name="notBeforeUtc"/>, oldest first.</summary>
    Task<IReadOnlyList<StoryPlacement>> PlacementsSinceAsync(long afterSequence, DateTimeOffset notBeforeUtc, CancellationToken cancellationToken);

    Task SaveRelatedAsync(long articleId, IReadOnlyList<long> relatedIds, CancellationToken cancellationToken);

    /// <summary>
    /// The precomputed related articles, best first; empty when none was computed. One per story as stories stand now,
    /// never of the article's own story (stories merged after the list was computed must not show twice).
    /// </summary>
    Task<IReadOnlyList<ArticleSummary>> PrecomputedRelatedAsync(long articleId, int limit, CancellationToken cancellationToken);

    Task<Story?> GetStoryAsync(long storyId, CancellationToken cancellationToken);

    /// <summary>Headline, time span, size, outlets and languages of a story, without its articles; null when there is no such story.</summary>
    Task<StoryFacts?> StoryFactsAsync(long storyId, CancellationToken cancellationToken);

    /// <summary>The facts of the story an article is in; null when it is in none.</summary>
    Task<StoryFacts?> StoryFactsOfArticleAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>
    /// What an article's page reads of the store, at once: the article (<see cref="IArticleStore.GetArticleAsync"/>), its
    /// precomputed related articles (<see cref="PrecomputedRelatedAsync"/>) and its story's facts
    /// (<see cref="StoryFactsOfArticleAsync"/>); null when there is no such article.
    /// </summary>
    Task<ArticleWithStory?> ArticleWithStoryAsync(long articleId, int relatedLimit, CancellationToken cancellationToken);

    /// <summary>A story's articles in time order, a page at a time (<see cref="PageCursor.Newer"/>: the later ones).</summary>
    Task<StoryArticlePage> StoryArticlesAsync(long storyId, PageCursor? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>The story an article belongs to, when clustering placed it.</summary>
    Task<long?> StoryOfAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every article of the absorbed stories to the survivor, records each absorbed id (so that it redirects, also
    /// for ids absorbed earlier into an absorbed story), marks the given near-duplicates and refreshes the survivor.
    /// </summary>
    Task MergeStoriesAsync(StoryMerge merge, CancellationToken cancellationToken);

    /// <summary>The story that absorbed <paramref name="storyId"/>, when it was merged away; null otherwise.</summary>
    Task<long?> SurvivorOfAsync(long storyId, CancellationToken cancellationToken);

    /// <summary>
    /// Articles that went past extraction (translated, or awaiting an engine) but have no place in a story: left
    /// between two states by a stop, for the repair pass. Oldest first.
    /// </summary>
    Task<IReadOnlyList<long>> UnplacedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The newest articles, one line per story.</summary>
    Task<IReadOnlyList<StoryLine>> LatestStoriesAsync(int limit, CancellationToken cancellationToken);
}
