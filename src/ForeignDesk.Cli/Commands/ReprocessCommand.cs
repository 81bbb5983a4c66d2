using System.CommandLine;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// Runs extraction again over every stored page, so that an improved extractor reaches old articles; the changed ones
/// are translated and placed again, with what a stop left between two states.
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create()
    {
        var command = new Command("reprocess", "Extract every stored page again and translate what changed");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        var store = app.Services.GetRequiredService<IArticleStore>();
        var processor = app.Services.GetRequiredService<ArticleProcessor>();
        var sources = (await store.ListSourcesAsync(cancellationToken)).ToDictionary(s => s.Id);
        var report = new IngestReport();
        var ids = await store.AllArticleIdsAsync(cancellationToken);
        await ProgressDisplay.RunAsync("reprocess", async progress =>
        {
            using var done = progress.Start("articles", ids.Count);
            foreach (var id in ids)
            {
                var article = await store.GetArticleAsync(id, cancellationToken);
                var page = await store.GetPageAsync(id, cancellationToken);
                if (article is not null && page is not null && sources.TryGetValue(article.SourceId, out var source))
                    await processor.StoreAsync(source, article.Url, page, null, report, cancellationToken);
                done.Add();
            }
            return report;
        });
        Console.WriteLine(await app.Services.GetRequiredService<ArticleRepair>().RunAsync(cancellationToken));
        using (IngestReport.Collect(report))
            await app.Services.GetRequiredService<Ingest.Jobs.JobRunner>().RunUntilIdleAsync(cancellationToken);
        Console.WriteLine(report);
        return 0;
    }
}
