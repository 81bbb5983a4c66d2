using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

internal static class ServeCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var app = AppHost.Build(new HostSettings(
            CommandHost.DataDirectory(arguments),
            Urls: arguments.Option("urls") ?? "http://localhost:5080",
            RunPipeline: !arguments.Has("no-pipeline"),
            MinimumLogLevel: LogLevel.Information));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
