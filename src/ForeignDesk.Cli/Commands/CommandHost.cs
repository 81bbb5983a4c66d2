using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary>The application as the one-shot commands need it: store ready, nothing listening.</summary>
internal static class CommandHost
{
    /// <summary><c>--data DIR</c>, which every command takes.</summary>
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "The data folder: the store, the glossary, the category table (default $FOREIGNDESK_DATA, else ./data)",
        HelpName = "DIR",
        Recursive = true,
    };

    public static string DataDirectory(ParseResult parse) => DataDirectory(parse.GetValue(DataOption));

    /// <param name="given"><c>--data</c> as given, or null for $FOREIGNDESK_DATA, else ./data.</param>
    public static string DataDirectory(string? given)
    {
        given ??= Environment.GetEnvironmentVariable("FOREIGNDESK_DATA");
        var path = Path.GetFullPath(given ?? Path.Combine(Environment.CurrentDirectory, "data"));
        if (File.Exists(path)) throw new UsageException($"--data must be a folder, and {path} is a file");
        return path;
    }

    public static Task<WebApplication> OpenAsync(ParseResult parse, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning) =>
        OpenAsync(DataDirectory(parse), cancellationToken, logLevel);

    public static async Task<WebApplication> OpenAsync(string dataDirectory, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning)
    {
        var app = AppHost.Build(new HostSettings(dataDirectory, MinimumLogLevel: logLevel));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        return app;
    }
}
