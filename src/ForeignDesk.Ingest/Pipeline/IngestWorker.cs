using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The scheduler role (<see cref="Core.Leadership.Scheduler"/>), held by one process at a time among all that share the
/// store: enqueues each endpoint's poll when it is due (its own adaptive interval), sleeping until the earliest next
/// poll, at least one second and at most <see cref="PipelineOptions.MinPollInterval"/>, so new sources are picked up
/// soon. The jobs are run by the <see cref="Jobs.JobWorker"/>s of every process.
/// </summary>
public sealed class IngestWorker(
    IServiceProvider services,
    Jobs.RoleKeeper roles,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<IngestWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        roles.RunWhileHeldAsync(Core.Leadership.Scheduler, ScheduleAsync, stoppingToken);

    private async Task ScheduleAsync(CancellationToken stoppingToken)
    {
        var pass = services.GetRequiredService<IngestPass>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.MinPollInterval;
            try
            {
                await pass.ScheduleAsync(dueOnly: true, new IngestReport(), stoppingToken);
                if (await pass.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - time.GetUtcNow();
                    wait = untilNext < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : untilNext < wait ? untilNext : wait;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Only a stop ends the loop: a timeout's cancellation, a store error or a bug is logged and the
                // next pass runs as planned.
                log.LogError(ex, "Scheduling the due polls failed; it runs again in {Wait}", wait);
            }

            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
