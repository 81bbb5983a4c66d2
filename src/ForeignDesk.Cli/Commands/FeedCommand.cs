using System.CommandLine;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk feed parse FILE|URL</c>: a feed as the pipeline reads it, printed as JSON.</summary>
internal static class FeedCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("FILE|URL") { Description = "A feed file, or an http(s) URL to fetch" };
        var parse = new Command("parse", "Print a parsed feed as JSON") { target };
        parse.SetAction((result, cancellationToken) => RunAsync(result, result.GetRequiredValue(target), cancellationToken));
        return new Command("feed", "Read feeds as the pipeline does") { parse };
    }

    private static async Task<int> RunAsync(ParseResult parse, string target, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
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
