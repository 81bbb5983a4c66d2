using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// The counts of <c>/status</c>, computed in the background every 15 seconds and read ready-made (the first read
/// computes them): each source's articles, those detected in another language and those awaiting an engine (they read
/// every article's index entry) and the translations with failing checks per engine and language (from the store's
/// tallies).
/// </summary>
internal sealed partial class StatusCountsRefresher(IArticleStore store, TimeProvider time, ILogger<StatusCountsRefresher> logger)
    : PeriodicReadModel<StatusCounts>(TimeSpan.FromSeconds(15))
{
    protected override async Task<StatusCounts> ComputeAsync(StatusCounts? previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return new StatusCounts(
            (await store.SourceArticleCountsAsync(now, cancellationToken)).ToDictionary(c => c.SourceId),
            await store.CheckFailureCountsAsync(now - TimeSpan.FromHours(24), cancellationToken),
            await store.CheckFailureCountsAsync(null, cancellationToken), now);
    }

    protected override void LogRefreshFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The counts of /status could not be computed; the page keeps the previous figures")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The counts of <c>/status</c> as computed at <paramref name="ComputedUtc"/>.</summary>
/// <param name="Counts">Each source's article counts, by source id.</param>
/// <param name="ChecksDay">Translations and failed checks per engine and language in the last 24 hours (by the hour).</param>
/// <param name="ChecksAll">The same in all.</param>
internal sealed record StatusCounts(
    IReadOnlyDictionary<long, SourceArticleCounts> Counts, IReadOnlyList<CheckFailureCounts> ChecksDay, IReadOnlyList<CheckFailureCounts> ChecksAll,
    DateTimeOffset ComputedUtc);
