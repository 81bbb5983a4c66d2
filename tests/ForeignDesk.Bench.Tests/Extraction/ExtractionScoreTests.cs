using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ForeignDesk.Bench.Extraction;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Bench.Tests.Extraction;

public sealed class ExtractionScoreTests
{
    private const string Bench = "bench/extraction";

    [Fact]
    public void Words_MatchPythonUnicodeWordRuns()
    {
        // Combining marks split words in Python's \w (Devanagari vowel signs), numbers of any kind join them.
        Assert.Equal(["It", "s", "a_b", "x²", "2024", "स", "सद", "न", "नय"], ExtractionScore.Words("It's a_b, x² — 2024! संसद ने नया"));
    }

    [Fact]
    public void Score_SameAndEmpty_GiveOneAndZero()
    {
        var truth = new Dictionary<string, string> { ["a"] = "one two three four five", ["b"] = "six seven" };

        var same = ExtractionScore.Score(truth, truth);
        var none = ExtractionScore.Score(truth, new Dictionary<string, string>());

        Assert.Equal((1.0, 1.0, 1.0, 1.0), (same.F1, same.Precision, same.Recall, same.Accuracy));
        Assert.Equal((0.0, 0.0, 2), (none.F1, none.Recall, none.EmptyPredictions));
    }

    [Fact]
    public async Task Score_OnBenchmarkPredictions_EqualsScorePy()
    {
        var folder = SharedFolder.Find(Bench, "score.py");
        if (folder is null) Assert.Skip(SharedFolder.SkipMessage(Bench));
        var ct = TestContext.Current.CancellationToken;
        var pages = await ExtractionBenchmark.LoadAsync(folder, ct);
        var predictions = new ExtractionBenchmark().Run(pages, ct);
        var file = Path.Combine(Path.GetTempPath(), $"extraction-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(predictions), ct);
        try
        {
            var ours = ExtractionScore.Score(pages.ToDictionary(p => p.Id, p => p.Truth), predictions);
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(folder, "score.py"));
            start.ArgumentList.Add(file);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Skip("python3 is not installed here.");
                return;
            }
            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct);
                var last = output.Trim().Split('\n')[^1];
                var expected = string.Create(CultureInfo.InvariantCulture,
                    $"F1 {ours.F1:0.000} precision {ours.Precision:0.000} recall {ours.Recall:0.000} accuracy {ours.Accuracy:0.000} n {ours.Pages}");
                Assert.Equal(expected, last);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
