using System.CommandLine;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk extract --url URL [--file F]</c>: the article extracted from one page, as JSON; with <c>--dir</c>,
/// every page of a folder (<see cref="ExtractDirectoryCommand"/>).
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The page's address: fetched, or with --file the address the file came from", HelpName = "URL" };
        var file = new Option<string?>("--file") { Description = "Read the page from this file instead of fetching it", HelpName = "F" };
        var dir = new Option<string?>("--dir") { Description = "Extract every .html/.htm/.html.gz in DIR on all cores (needs --json)", HelpName = "DIR" };
        var json = new Option<string?>("--json") { Description = "With --dir: the JSON file to write, {file: body text}", HelpName = "OUT" };
        var meta = new Option<bool>("--meta") { Description = "With --dir: {file: metadata and text} instead of the text alone" };
        var command = new Command("extract", "Print the article extracted from a page as JSON, or extract a folder of pages") { url, file, dir, json, meta };
        command.Validators.Add(result =>
        {
            if (result.GetValue(dir) is not null && result.GetValue(json) is null) result.AddError("extract --dir needs --json OUT");
            else if (result.GetValue(dir) is null && result.GetValue(url) is null && result.GetValue(file) is null)
                result.AddError("extract needs --url URL, --file F or --dir DIR");
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(dir) is { } folder
            ? ExtractDirectoryCommand.RunAsync(folder, parse.GetRequiredValue(json)!, parse.GetValue(meta), cancellationToken)
            : RunAsync(parse, parse.GetValue(file), parse.GetValue(url), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string? file, string? url, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        var page = await PageInput.ReadAsync(file, url, app.Services, cancellationToken);
        var outcome = app.Services.GetRequiredService<IArticleExtractor>().Extract(page);
        if (outcome.Article is not { } article)
        {
            Console.Error.WriteLine($"foreigndesk: no article: {outcome.Message}");
            return 1;
        }
        JsonOutput.Write(Json(article));
        return 0;
    }

    /// <summary>An extracted article as the command line prints it.</summary>
    internal static object Json(ExtractedArticle article) => new
    {
        article.Title,
        article.Teaser,
        article.Byline,
        article.Published,
        article.PublishedZone,
        article.Modified,
        article.Language,
        article.CanonicalUrl,
        article.Section,
        article.Image,
        article.Images,
        article.Keywords,
        article.TeaserOnly,
        Paragraphs = article.Paragraphs.Select(p => new { p.Kind, p.Html, p.Text }),
        article.Text,
    };
}
