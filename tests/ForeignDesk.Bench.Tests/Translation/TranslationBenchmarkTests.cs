using ForeignDesk.Bench.Translation;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Bench.Tests.Translation;

public sealed class TranslationBenchmarkTests
{
    private static readonly string? Bench = ForeignDesk.Tests.Shared.SharedFolder.Find("bench/mt", "score.py");

    [Theory]
    [InlineData("spa-eng", "es→en")]
    [InlineData("fra-eng", "fr→es→en")]
    public async Task RunAsync_DevelopmentSet_ScoresCloseToPlainApertium(string pair, string route)
    {
        Assert.SkipWhen(Bench is null, ForeignDesk.Tests.Shared.SharedFolder.SkipMessage("bench/mt"));
        await using var engine = new ApertiumEngine(Options.Create(new ApertiumOptions()), NullLogger<ApertiumEngine>.Instance);

        var score = await new TranslationBenchmark(engine, TimeProvider.System).RunAsync(Bench!, pair, TestContext.Current.CancellationToken);

        Assert.NotNull(score);
        Assert.Equal(route, score.Route);
        Assert.Equal(297, score.Lines);
        Assert.InRange(score.Bleu, score.RawBleu - 1.0, score.RawBleu + 1.0);
        Assert.InRange(score.ChrF, score.RawChrF - 0.05, score.RawChrF + 1.0);
        // Lines differ where numbers are written the English way or unknown-word marks are removed.
        Assert.True(score.IdenticalLines > score.Lines * 8 / 10, $"{score.IdenticalLines} of {score.Lines} lines identical");
        TestContext.Current.SendDiagnosticMessage(
            $"{pair}: engine BLEU {score.Bleu:F1} chrF2 {score.ChrF:F1} in {score.Elapsed.TotalMilliseconds:F0} ms; " +
            $"plain BLEU {score.RawBleu:F1} chrF2 {score.RawChrF:F1} in {score.RawElapsed.TotalMilliseconds:F0} ms; identical {score.IdenticalLines}/{score.Lines}");
    }
}
