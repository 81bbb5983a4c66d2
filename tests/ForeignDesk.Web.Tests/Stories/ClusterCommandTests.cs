using System.Text.Json;
using ForeignDesk.Cli;
using ForeignDesk.Cli.Commands;
using Xunit;

namespace ForeignDesk.Web.Tests.Stories;

public sealed class ClusterCommandTests
{
    [Fact]
    public async Task Cluster_SmallJsonl_WritesStoryPerArticle()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("foreigndesk-cluster-").FullName;
        var input = Path.Combine(folder, "articles.jsonl");
        var output = Path.Combine(folder, "stories.json");
        string[] lines =
        [
            """{"id":"a","lang":"en","title":"Magnitude 7.1 earthquake strikes off Hokkaido","text":"A magnitude 7.1 earthquake struck off Hokkaido in Japan. A tsunami warning was issued for Kushiro and Nemuro.","date":"2025-11-03T06:40:00Z"}""",
            """{"id":"b","lang":"es","title":"Un terremoto de magnitud 7,1 sacude Japón","text":"Un sismo de magnitud 7,1 sacudió la isla japonesa de Hokkaido. Alerta de tsunami en Kushiro y Nemuro.","date":"2025-11-03T07:20:00Z"}""",
            """{"id":"c","lang":"de","title":"Erdbeben der Stärke 7,1 erschüttert Japan","text":"Ein Erdbeben der Stärke 7,1 hat die Insel Hokkaido erschüttert. Tsunami-Warnung für Kushiro und Nemuro.","date":"2025-11-03T08:30:00Z"}""",
            """{"id":"d","lang":"en","title":"Storm Benjamin leaves 200,000 homes without power in France","text":"Storm Benjamin battered Brittany and Normandy with gusts of 150 km/h, Enedis said.","date":"2025-11-03T09:30:00Z"}""",
        ];
        await File.WriteAllLinesAsync(input, lines, ct);

        var code = await ClusterCommand.RunAsync(input, output, Path.Combine(folder, "data"), ct);

        Assert.Equal(0, code);
        var stories = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(output, ct))!;
        Assert.Equal(["a", "b", "c", "d"], stories.Keys.Order());
        Assert.Equal(stories["a"], stories["b"]);
        Assert.Equal(stories["a"], stories["c"]);
        Assert.NotEqual(stories["a"], stories["d"]);
    }

    [Fact]
    public async Task Cluster_BadLine_ClearErrorWithLineNumber()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("foreigndesk-cluster-").FullName;
        var input = Path.Combine(folder, "bad.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"id":"a","title":"t","date":"2025-11-03"}""", "not json"], ct);

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            ClusterCommand.RunAsync(input, Path.Combine(folder, "o.json"), folder, ct));

        Assert.Contains("bad.jsonl:2", error.Message);
    }
}
