using System.CommandLine;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk ingest --once</c>: one full pass over every source (<c>serve</c> runs the pipeline continuously).</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "One full pass over every source, then exit (required: serve runs the pipeline continuously)" };
        var command = new Command("ingest", "Poll every source once and take what it lists through the pipeline") { once };
        command.Validators.Add(r =>
        {
            if (r.GetResult(once) is null) r.AddError("ingest needs --once (serve runs the pipeline continuously)");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await CommandHost.OpenAsync(parse, cancellationToken, LogLevel.Information);
            var pass = app.Services.GetRequiredService<IngestPass>();
            var report = await ProgressDisplay.RunAsync("ingest", progress => pass.RunAsync(progress, cancellationToken));
            Console.WriteLine(report);
            return 0;
        });
        return command;
    }
}
