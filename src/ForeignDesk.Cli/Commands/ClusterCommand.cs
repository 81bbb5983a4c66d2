using System.CommandLine;
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
    public static Command Create()
    {
        var jsonl = new Option<string>("--jsonl") { Description = "Articles, one {\"id\",\"lang\",\"title\",\"text\",\"date\"} object a line", HelpName = "FILE", Required = true };
        var json = new Option<string>("--json") { Description = "Where to write {\"<id>\": \"<story id>\"}", HelpName = "OUT", Required = true };
        var command = new Command("cluster", "Group articles into stories as the pipeline does") { jsonl, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(jsonl), parse.GetRequiredValue(json), CommandHost.DataDirectory(parse), ct));
        return command;
    }

    public static async Task<int> RunAsync(string input, string output, string dataDirectory, CancellationToken cancellationToken)
    {
        var rows = await ClusterInput.ReadAsync(input, cancellationToken);
        await using var app = await CommandHost.OpenAsync(dataDirectory, cancellationToken);
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
