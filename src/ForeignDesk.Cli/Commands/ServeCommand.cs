using System.CommandLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk serve [--urls URL] [--no-pipeline]</c>: the site and, unless told not to, the pipeline.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = UrlsOption("http://localhost:5080", "Where the site listens, ';' between several");
        var noPipeline = new Option<bool>("--no-pipeline") { Description = "Serve the site only; another process runs the pipeline" };
        var command = new Command("serve", "The site and the background pipeline") { urls, noPipeline };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var app = AppHost.Build(new HostSettings(
                CommandHost.DataDirectory(parse),
                Urls: parse.GetRequiredValue(urls),
                RunPipeline: !parse.GetValue(noPipeline),
                MinimumLogLevel: LogLevel.Information));
            await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--urls</c> option: addresses to listen on, separated by <c>;</c>, each checked.</summary>
    public static Option<string> UrlsOption(string defaultUrls, string description)
    {
        var urls = new Option<string>("--urls") { Description = description, HelpName = "URL", DefaultValueFactory = _ => defaultUrls };
        urls.Validators.Add(result =>
        {
            foreach (var url in Split(result.GetValueOrDefault<string>()))
            {
                if (!ListensOn(url)) result.AddError($"--urls: '{url}' is not an http(s) address to listen on (e.g. http://localhost:5080)");
            }
        });
        return urls;
    }

    private static string[] Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether Kestrel can listen on the address: http(s), a host (a name, an IP, * or +) and a port or none.</summary>
    private static bool ListensOn(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            return address.Scheme is "http" or "https" && address.Host.Length > 0 && !address.IsUnixPipe && address.Port is >= 0 and <= 65535;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
