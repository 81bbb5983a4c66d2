using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

internal static class ExtractCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Has("dir")) return await ExtractDirectoryCommand.RunAsync(arguments, cancellationToken);
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var page = await PageInput.ReadAsync(arguments.Option("file"), arguments.Option("url"), app.Services, cancellationToken);
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
