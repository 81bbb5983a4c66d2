using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

internal static class EnginesCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var apertium = app.Services.GetRequiredService<ApertiumEngine>();
        var routes = apertium.Routes();
        Console.WriteLine($"{apertium.Name}: {routes.Count} languages into English");
        foreach (var route in routes) Console.WriteLine($"  {route}");
        if (routes.Count == 0) Console.WriteLine("  none: install apertium and its pairs (./run.sh does)");
        return 0;
    }
}
