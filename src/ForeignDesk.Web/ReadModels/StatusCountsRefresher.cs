using ForeignDesk.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// The counts of <c>/status</c>, computed in the background every <see cref="Interval"/> and read ready-made (the first
/// read computes them): each source's articles (they read every article's index entry) and the translations with
/// failing checks per engine and language (from the store's tallies).
/// </summary>
internal sealed partial class StatusCountsRefresher(IArticleStore store, TimeProvider time, ILogger<StatusCountsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile StatusCounts? _current;

    public async ValueTask<StatusCounts> CurrentAsync(CancellationToken cancellationToken) =>
        _current ?? await RefreshAsync(cancellationToken);

    public async Task<StatusCounts> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var figures = new StatusCounts(
                (await store.SourceArticleCountsAsync(now, cancellationToken)).ToDictionary(c => c.SourceId),
                await store.CheckFailureCountsAsync(now - TimeSpan.FromHours(24), cancellationToken),
                await store.CheckFailureCountsAsync(null, cancellationToken), now);
            _current = figures;
            return figures;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRefreshFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The counts of /status could not be computed; the page keeps the previous figures")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>The counts of <c>/status</c> as computed at <paramref name="ComputedUtc"/>.</summary>
/// <param name="Counts">Each source's article counts, by source id.</param>
/// <param name="ChecksDay">Translations and failed checks per engine and language in the last 24 hours (by the hour).</param>
/// <param name="ChecksAll">The same in all.</param>
internal sealed record StatusCounts(
    IReadOnlyDictionary<long, SourceArticleCounts> Counts, IReadOnlyList<CheckFailureCounts> ChecksDay, IReadOnlyList<CheckFailureCounts> ChecksAll,
    DateTimeOffset ComputedUtc);
