using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

internal static class IngestCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (!arguments.Has("once")) throw new UsageException("ingest needs --once (serve runs the pipeline continuously)");
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken, LogLevel.Information);
        var report = await app.Services.GetRequiredService<IngestPass>().RunAsync(cancellationToken);
        Console.WriteLine(report);
        return 0;
    }
}
