using Microsoft.Extensions.Hosting;

namespace ForeignDesk.Ingest.Jobs;

/// <summary>The worker role: runs the jobs of every process's pipeline as they come due, until the process stops.</summary>
public sealed class JobWorker(JobRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
