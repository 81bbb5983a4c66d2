using System.Diagnostics;
using System.Text.Json;
using ForeignDesk.Bench.Translation;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Bench.Tests.Translation;

public sealed class CorpusScorerTests
{
    [Fact]
    public void Scores_HandComputedCases_MatchScorePySelftest()
    {
        Assert.Equal(100.0 * Math.Exp(-0.125) * Math.Pow(1.0 / 30.0, 0.25),
            CorpusScorer.Bleu(["the quick brown fox jumps over the dog"], ["the quick brown fox jumped over the lazy dog"]), 9);
        Assert.Equal(700.0 / 11.0, CorpusScorer.ChrF(["ab"], ["abc"]), 9);
        Assert.Equal(100.0, CorpusScorer.Bleu(["He said: \"3.5% of 1,000.\""], ["He said: \"3.5% of 1,000.\""]), 9);
        Assert.Equal(0.0, CorpusScorer.Bleu(["a b c d e"], ["a b c x d e"]));
        Assert.Equal(
            ["He", "said", ":", "\"", "3.5", "%", "of", "1,000", "(", "U", ".", "S", ".", ")", "co-workers", ".", "\""],
            CorpusScorer.Tokenize13a("He said: \"3.5% of 1,000 (U.S.) co-workers.\""));
    }

    [Theory]
    [InlineData("spa-eng")]
    [InlineData("srp-eng")]
    [InlineData("isl-eng")]
    [InlineData("epo-eng")]
    public async Task Scores_DevelopmentSet_EqualScorePy(string pair)
    {
        var bench = SharedFolder.Find("bench/mt", "score.py");
        Assert.SkipWhen(bench is null, SharedFolder.SkipMessage("bench/mt"));
        var ct = TestContext.Current.CancellationToken;
        // The reference with every fourth word dropped and neighbours swapped: a hypothesis with partial overlap.
        var reference = Path.Combine(bench!, pair, "ref.txt");
        var hyp = Path.Combine(Path.GetTempPath(), $"fd-hyp-{Guid.NewGuid():N}.txt");
        var perturbed = (await File.ReadAllLinesAsync(reference, ct)).Select((line, n) =>
        {
            var words = line.Split(' ').Where((_, i) => (i + n) % 4 != 3).ToArray();
            if (words.Length > 3) (words[1], words[2]) = (words[2], words[1]);
            return string.Join(' ', words);
        });
        await File.WriteAllLinesAsync(hyp, perturbed, ct);

        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(bench!, "score.py"), hyp, reference, "--json" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var json = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        File.Delete(hyp);
        using var expected = JsonDocument.Parse(json);

        var hyps = perturbed.ToList();
        var refs = TranslationBenchmark.Lines(await File.ReadAllTextAsync(reference, ct));
        var bleu = expected.RootElement.GetProperty("bleu").GetProperty("score").GetDouble();
        Assert.InRange(bleu, 5, 95);
        Assert.Equal(bleu, CorpusScorer.Bleu(hyps, refs), 9);
        Assert.Equal(expected.RootElement.GetProperty("chrf").GetProperty("score").GetDouble(), CorpusScorer.ChrF(hyps, refs), 9);
    }
}
