using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary>The application as the one-shot commands need it: store ready, nothing listening.</summary>
internal static class CommandHost
{
    public static string DataDirectory(CliArguments arguments) =>
        Path.GetFullPath(arguments.Option("data")
            ?? Environment.GetEnvironmentVariable("FOREIGNDESK_DATA")
            ?? Path.Combine(Environment.CurrentDirectory, "data"));

    public static async Task<WebApplication> OpenAsync(CliArguments arguments, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning)
    {
        var app = AppHost.Build(new HostSettings(DataDirectory(arguments), MinimumLogLevel: logLevel));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        return app;
    }
}
