using ForeignDesk.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Each source's article counts for <c>/status</c> (they read every article's index entry), computed in the
/// background every <see cref="Interval"/> and read ready-made; the first read computes them.
/// </summary>
internal sealed partial class SourceCountsRefresher(IArticleStore store, TimeProvider time, ILogger<SourceCountsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile SourceCountFigures? _current;

    public async ValueTask<SourceCountFigures> CurrentAsync(CancellationToken cancellationToken) =>
        _current ?? await RefreshAsync(cancellationToken);

    public async Task<SourceCountFigures> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var figures = new SourceCountFigures(
                (await store.SourceArticleCountsAsync(now, cancellationToken)).ToDictionary(c => c.SourceId), now);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Source article counts for /status could not be computed; the page keeps the previous figures")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>Every source's article counts as computed at <paramref name="ComputedUtc"/>.</summary>
internal sealed record SourceCountFigures(IReadOnlyDictionary<long, SourceArticleCounts> Counts, DateTimeOffset ComputedUtc);
