using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk worker [--urls URL]</c>: the pipeline (scheduler and job worker) without the site.</summary>
internal static class WorkerCommand
{
    /// <summary>Where the worker answers /healthz, /readyz and /metrics unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5090";

    public static Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken) =>
        RunWorkerAsync(CommandHost.DataDirectory(arguments), ServeCommand.ListenUrls(arguments.Option("urls") ?? DefaultUrls), cancellationToken);

    public static async Task<int> RunWorkerAsync(string dataDirectory, string urls, CancellationToken cancellationToken)
    {
        var app = AppHost.Build(new HostSettings(dataDirectory, Urls: urls, RunPipeline: true, ServeSite: false, MinimumLogLevel: LogLevel.Information));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
