using System.Text.Json;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk cluster --jsonl FILE --json OUT</c>: the pipeline's story clustering over a JSON Lines file of
/// articles; writes <c>{"&lt;id&gt;": "&lt;story id&gt;"}</c>, a story named by the id of the article that started it.
/// </summary>
internal static class ClusterCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var input = arguments.RequireOption("jsonl");
        var output = arguments.RequireOption("json");
        var rows = await ClusterInput.ReadAsync(input, cancellationToken);
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var inputs = await ClusterInput.PrepareAsync(rows, app.Services.GetRequiredService<EngineSelector>(),
            app.Services.GetRequiredService<ArticleTranslator>(), cancellationToken);

        var stories = BatchClustering.Run(inputs);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in inputs) labels[rows[(int)row.Id - 1].Id] = rows[(int)stories[row.Id] - 1].Id;
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(labels, JsonOutput.Options), cancellationToken);

        var translated = inputs.Count(i => i.English is not null);
        Console.Error.WriteLine($"{rows.Count} articles ({translated} in English or translated) in {labels.Values.Distinct().Count()} stories → {output}");
        return 0;
    }
}
