using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary>The application as the one-shot commands need it: store ready, nothing listening.</summary>
internal static class CommandHost
{
    public static string DataDirectory(CliArguments arguments)
    {
        var given = arguments.Option("data") ?? Environment.GetEnvironmentVariable("FOREIGNDESK_DATA");
        var path = Path.GetFullPath(given ?? Path.Combine(Environment.CurrentDirectory, "data"));
        if (File.Exists(path)) throw new UsageException($"--data must be a folder, and {path} is a file");
        return path;
    }

    public static Task<WebApplication> OpenAsync(CliArguments arguments, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning) =>
        OpenAsync(DataDirectory(arguments), cancellationToken, logLevel);

    public static async Task<WebApplication> OpenAsync(string dataDirectory, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning)
    {
        var app = AppHost.Build(new HostSettings(dataDirectory, MinimumLogLevel: logLevel));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        return app;
    }
}
