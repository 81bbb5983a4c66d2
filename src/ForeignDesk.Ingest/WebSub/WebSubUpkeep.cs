using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>
/// Keeps the subscriptions renewed, expired and unsubscribed every <see cref="WebSubOptions.MaintenanceInterval"/>, in the
/// one process that holds the <see cref="Core.Leadership.WebSubUpkeep"/> role, so that a hub gets one renewal for each.
/// </summary>
public sealed class WebSubUpkeep(
    WebSubSubscriber subscriber,
    Jobs.RoleKeeper roles,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<WebSubUpkeep> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        roles.RunWhileHeldAsync(Core.Leadership.WebSubUpkeep, MaintainAsync, stoppingToken);

    private async Task MaintainAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await subscriber.MaintainAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(ex, "WebSub subscription upkeep failed; it runs again in {Interval}", options.Value.MaintenanceInterval);
                }

                await Task.Delay(options.Value.MaintenanceInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("WebSub subscription upkeep stopped");
        }
    }
}
