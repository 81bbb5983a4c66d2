namespace ForeignDesk.Core;

/// <summary>What the store knows about recent reading and publishing, for Trends 24h.</summary>
public interface ITrendSignals
{
    /// <summary>Articles published or viewed since <paramref name="sinceUtc"/>, newest first, with their views per hour.</summary>
    Task<IReadOnlyList<TrendCandidate>> TrendCandidatesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken);
}

/// <summary>Views of one article in the clock hour starting at <paramref name="HourUtc"/>.</summary>
public sealed record HourlyViews(DateTimeOffset HourUtc, long Count);

/// <param name="StoryId">The story clustering placed the article in; null until it is placed.</param>
public sealed record TrendCandidate(ArticleSummary Article, long SourceId, IReadOnlyList<HourlyViews> Views, long? StoryId = null);
