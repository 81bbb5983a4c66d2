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
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var store = app.Services.GetRequiredService<IArticleStore>();
        var processor = app.Services.GetRequiredService<ArticleProcessor>();
        var sources = (await store.ListSourcesAsync(cancellationToken)).ToDictionary(s => s.Id);
        var report = new IngestReport();
        foreach (var id in await store.AllArticleIdsAsync(cancellationToken))
        {
            var article = await store.GetArticleAsync(id, cancellationToken);
            var page = await store.GetPageAsync(id, cancellationToken);
            if (article is null || page is null || !sources.TryGetValue(article.SourceId, out var source)) continue;
            await processor.StoreAsync(source, article.Url, page, null, report, cancellationToken);
        }
        Console.WriteLine(await app.Services.GetRequiredService<ArticleRepair>().RunAsync(cancellationToken));
        using (IngestReport.Collect(report))
            await app.Services.GetRequiredService<Ingest.Jobs.JobRunner>().RunUntilIdleAsync(cancellationToken);
        Console.WriteLine(report);
        return 0;
    }
}
