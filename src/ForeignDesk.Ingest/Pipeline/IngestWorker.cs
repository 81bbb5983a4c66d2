using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>Runs an ingest pass, waits the poll interval, and again, until the host stops.</summary>
public sealed class IngestWorker(
    IServiceProvider services,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<IngestWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await services.GetRequiredService<IngestPass>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Ingest pass failed; the next pass runs after the poll interval");
            }
            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
        }
    }
}
