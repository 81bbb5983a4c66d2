using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ForeignDesk.Bench.Discovery;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Bench.Tests.Discovery;

public sealed class BCubedTests
{
    [Fact]
    public void Score_HandComputedCase_MatchesDefinition()
    {
        // Gold stories a(4) b(3) c(2) d(1); c and d merged, a split in two.
        var gold = new Dictionary<string, string>();
        foreach (var (story, size) in new[] { ("a", 4), ("b", 3), ("c", 2), ("d", 1) })
            for (var k = 0; k < size; k++) gold[$"{story}{k}"] = story;
        var predicted = new Dictionary<string, string>(gold) { ["d0"] = "c", ["a2"] = "a'", ["a3"] = "a'" };

        var (p, r, _) = BCubed.Score(gold, predicted);

        Assert.Equal((4 * 1 + 3 * 1 + 2 * (2 / 3.0) + 1 * (1 / 3.0)) / 10, p, 12);
        Assert.Equal((4 * 0.5 + 3 * 1 + 2 * 1 + 1 * 1) / 10.0, r, 12);
    }

    [Fact]
    public async Task Score_RandomPartitions_AgreesWithScorePy()
    {
        var folder = SharedFolder.Find("bench/clustering", "score.py");
        if (folder is null) Assert.Skip(SharedFolder.SkipMessage("bench/clustering"));
        var work = Directory.CreateTempSubdirectory("foreigndesk-bcubed-").FullName;
        var random = new Random(11);
        for (var trial = 0; trial < 3; trial++)
        {
            var gold = new Dictionary<string, string>();
            var predicted = new Dictionary<string, string>();
            for (var i = 0; i < 60; i++)
            {
                gold[$"x{i}"] = $"g{random.Next(12)}";
                if (random.Next(10) > 0) predicted[$"x{i}"] = $"p{random.Next(15)}";
            }
            var goldPath = Path.Combine(work, "gold.jsonl");
            var predPath = Path.Combine(work, "pred.json");
            await File.WriteAllLinesAsync(goldPath, gold.Select(g => JsonSerializer.Serialize(new { id = g.Key, cluster = g.Value })), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(predPath, JsonSerializer.Serialize(predicted), TestContext.Current.CancellationToken);

            var last = await RunPythonAsync(Path.Combine(folder!, "score.py"), predPath, goldPath);
            var parts = last.Split(' ');
            var (p, r, f) = BCubed.Score(gold, predicted);

            Assert.Equal(double.Parse(parts[1], CultureInfo.InvariantCulture), f, 4);
            Assert.Equal(double.Parse(parts[3], CultureInfo.InvariantCulture), p, 4);
            Assert.Equal(double.Parse(parts[5], CultureInfo.InvariantCulture), r, 4);
        }
    }

    private static async Task<string> RunPythonAsync(string script, string predictions, string gold)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, predictions, "--gold", gold }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        return output.Trim().Split('\n')[^1];
    }
}
