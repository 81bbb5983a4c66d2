using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

internal static class ServeCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var urls = ListenUrls(arguments.Option("urls") ?? "http://localhost:5080");
        var app = AppHost.Build(new HostSettings(
            CommandHost.DataDirectory(arguments),
            Urls: urls,
            RunPipeline: !arguments.Has("no-pipeline"),
            MinimumLogLevel: LogLevel.Information));
        await AppHost.PrepareStoreAsync(app.Services, cancellationToken);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>The addresses of <c>--urls</c> (separated by <c>;</c>), each checked; a usage error names a bad one.</summary>
    public static string ListenUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ListensOn(url)) throw new UsageException($"--urls: '{url}' is not an http(s) address to listen on (e.g. http://localhost:5080)");
        }
        return urls;
    }

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
