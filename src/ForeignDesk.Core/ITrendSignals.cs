namespace ForeignDesk.Core;

/// <summary>What the store knows about recent reading and publishing, for Trends 24h.</summary>
public interface ITrendSignals
{
    /// <summary>
    /// The <paramref name="limit"/> newest articles published since <paramref name="sinceUtc"/> and the
    /// <paramref name="limit"/> most viewed since then (an article in both once), newest first, with their views per
    /// hour since then. A busy site publishes thousands of articles a day: the newest alone would leave out an article
    /// of the morning that readers are still reading in the evening.
    /// </summary>
    Task<IReadOnlyList<TrendCandidate>> TrendCandidatesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken);
}

/// <summary>Views of one article in the clock hour starting at <paramref name="HourUtc"/>.</summary>
public sealed record HourlyViews(DateTimeOffset HourUtc, long Count);

/// <param name="StoryId">The story clustering placed the article in; null until it is placed.</param>
public sealed record TrendCandidate(ArticleSummary Article, long SourceId, IReadOnlyList<HourlyViews> Views, long? StoryId = null);
