using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Each source's article counts for <c>/status</c> (they read every article's index entry), computed in the
/// background every 15 seconds and read ready-made; the first read computes them.
/// </summary>
internal sealed partial class SourceCountsRefresher(IArticleStore store, TimeProvider time, ILogger<SourceCountsRefresher> logger)
    : PeriodicReadModel<SourceCountFigures>(TimeSpan.FromSeconds(15))
{
    protected override async Task<SourceCountFigures> ComputeAsync(SourceCountFigures? previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return new SourceCountFigures((await store.SourceArticleCountsAsync(now, cancellationToken)).ToDictionary(c => c.SourceId), now);
    }

    protected override void LogRefreshFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source article counts for /status could not be computed; the page keeps the previous figures")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Every source's article counts as computed at <paramref name="ComputedUtc"/>.</summary>
internal sealed record SourceCountFigures(IReadOnlyDictionary<long, SourceArticleCounts> Counts, DateTimeOffset ComputedUtc);
