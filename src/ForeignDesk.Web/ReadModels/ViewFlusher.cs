using ForeignDesk.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Writes the views gathered by <see cref="ViewCounter"/> to the store every <see cref="SiteOptions.ViewFlushInterval"/>
/// and when the site stops.
/// </summary>
internal sealed partial class ViewFlusher(ViewCounter counter, IArticleStore store, IOptions<SiteOptions> options, ILogger<ViewFlusher> logger)
    : BackgroundService
{
    /// <summary>Writes what has been counted so far; on failure the counts wait for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var views = counter.Take();
        if (views.Count == 0) return;
        try
        {
            await store.RecordViewsAsync(views, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counter.Return(views);
            LogFlushFailed(logger, views.Count, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ViewFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} article views could not be written yet; they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, int count, Exception exception);
}
