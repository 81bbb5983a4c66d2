using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;

namespace ForeignDesk.Cli.Commands;

internal static class FeedCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Word(1) != "parse" || arguments.Word(2) is not { } target) throw new UsageException("feed parse FILE|URL");
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var isUrl = target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var page = await PageInput.ReadAsync(isUrl ? null : target, isUrl ? target : null, app.Services, cancellationToken);
        try
        {
            JsonOutput.Write(FeedParser.Parse(page.Body, page.FinalUrl));
            return 0;
        }
        catch (FeedFormatException ex)
        {
            Console.Error.WriteLine($"foreigndesk: {target} is not a readable feed: {ex.Message}");
            return 1;
        }
    }
}
