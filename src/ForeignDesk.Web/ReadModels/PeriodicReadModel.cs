using Microsoft.Extensions.Hosting;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Figures that read much of the store, computed in the background every <see cref="Interval"/> and read ready-made
/// (<see cref="CurrentAsync"/>); the first read computes them. A failed computation keeps the previous figures.
/// </summary>
internal abstract class PeriodicReadModel<T>(TimeSpan interval) : BackgroundService
    where T : class
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile T? _current;

    public TimeSpan Interval => interval;

    public async ValueTask<T> CurrentAsync(CancellationToken cancellationToken) =>
        _current ?? await RefreshAsync(cancellationToken);

    /// <summary>Computes the figures now (tests, and callers that must see a change at once).</summary>
    public async Task<T> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var figures = await ComputeAsync(_current, cancellationToken);
            _current = figures;
            return figures;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <param name="previous">The figures computed last; null the first time.</param>
    protected abstract Task<T> ComputeAsync(T? previous, CancellationToken cancellationToken);

    /// <summary>Logs a failed computation (the figures read stay the previous ones).</summary>
    protected abstract void LogRefreshFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
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
                    LogRefreshFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
