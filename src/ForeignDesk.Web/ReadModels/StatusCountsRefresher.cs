using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// The counts of <c>/status</c>, computed in the background every 15 seconds and read ready-made (the first read
/// computes them): each source's articles, those detected in another language and those awaiting an engine (they read
/// every article's index entry), the translations with failing checks per engine and language (from the store's
/// tallies), and each source's delays over the articles first seen in the last 24 hours (at most
/// <see cref="DelayArticles"/> of them, the newest).
/// </summary>
internal sealed partial class StatusCountsRefresher(IArticleStore store, TimeProvider time, ILogger<StatusCountsRefresher> logger)
    : PeriodicReadModel<StatusCounts>(TimeSpan.FromSeconds(15))
{
    /// <summary>The most articles the delays are computed over.</summary>
    public const int DelayArticles = 20_000;

    /// <summary>How far back the delays look.</summary>
    public static readonly TimeSpan DelayWindow = TimeSpan.FromHours(24);

    protected override async Task<StatusCounts> ComputeAsync(StatusCounts? previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return new StatusCounts(
            (await store.SourceArticleCountsAsync(now, cancellationToken)).ToDictionary(c => c.SourceId),
            await store.CheckFailureCountsAsync(now - TimeSpan.FromHours(24), cancellationToken),
            await store.CheckFailureCountsAsync(null, cancellationToken),
            SourceDelays.Of(await store.ArticleTimesAsync(now - DelayWindow, DelayArticles, cancellationToken)), now);
    }

    protected override void LogRefreshFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The counts of /status could not be computed; the page keeps the previous figures")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The counts of <c>/status</c> as computed at <paramref name="ComputedUtc"/>.</summary>
/// <param name="Counts">Each source's article counts, by source id.</param>
/// <param name="ChecksDay">Translations and failed checks per engine and language in the last 24 hours (by the hour).</param>
/// <param name="ChecksAll">The same in all.</param>
/// <param name="Delays">Each source's delays over its articles first seen in the last 24 hours, by source id.</param>
internal sealed record StatusCounts(
    IReadOnlyDictionary<long, SourceArticleCounts> Counts, IReadOnlyList<CheckFailureCounts> ChecksDay, IReadOnlyList<CheckFailureCounts> ChecksAll,
    IReadOnlyDictionary<long, SourceDelays> Delays, DateTimeOffset ComputedUtc);
