using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk worker [--urls URL]</c>: the pipeline (scheduler and job worker) without the site.</summary>
internal static class WorkerCommand
{
    /// <summary>Where the worker answers /healthz, /readyz and /metrics unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5090";

    public static Command Create()
    {
        var urls = ServeCommand.UrlsOption(DefaultUrls, "Where the worker answers /healthz, /readyz, /metrics and WebSub callbacks");
        var command = new Command("worker", "The pipeline without the site: polls, fetches, translates and places articles") { urls };
        command.SetAction((parse, ct) => RunWorkerAsync(CommandHost.DataDirectory(parse), parse.GetRequiredValue(urls), ct));
        return command;
    }

    public static async Task<int> RunWorkerAsync(string dataDirectory, string urls, CancellationToken cancellationToken)
    {
        var app = AppHost.Build(new HostSettings(dataDirectory, Urls: urls, RunPipeline: true, ServeSite: false, MinimumLogLevel: LogLevel.Information));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
