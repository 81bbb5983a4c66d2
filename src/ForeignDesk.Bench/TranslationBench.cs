using ForeignDesk.Core;
using System.Globalization;
using ForeignDesk.Bench.Translation;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>foreigndesk bench translation [--corpus DIR] [--pairs spa-eng,fra-eng] [--processes N]</c>: every development
/// set of the MT bench through ForeignDesk's own path (as <c>translate</c>, no memory, Apertium with N chains per
/// route, default 2) and through plain <c>apertium -u</c> over the whole file; BLEU, chrF2 and words per second of
/// both, per pair and in total (means over the pairs with a route; speeds over all their words), and beside them the
/// chrF2 of the untranslated source ("orig"), which a route has to beat to be worth more than showing the original.
/// </summary>
internal static class TranslationBench
{
    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var corpus = BenchCommand.CorpusFolder(context, Path.Combine("bench", "mt"));
        var processes = int.TryParse(context.Option("processes"), out var p) && p is >= 1 and <= 16 ? p : 2;
        var wanted = context.Option("pairs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pairs = Directory.EnumerateDirectories(corpus)
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => File.Exists(Path.Combine(corpus, name, "src.txt")) && File.Exists(Path.Combine(corpus, name, "ref.txt")))
            .Where(name => wanted is null || wanted.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        await using var engine = new ApertiumEngine(
            Options.Create(new ApertiumOptions { ProcessesPerPair = processes }), NullLogger<ApertiumEngine>.Instance);
        var bench = new TranslationBenchmark(engine, TimeProvider.System);
        var scores = new List<BenchmarkScore>();
        Console.WriteLine($"{"pair",-8} {"route",-10} {"lines",5} {"BLEU",6} {"raw",6} {"chrF2",6} {"raw",6} {"orig",6} {"words/s",8} {"raw",8} {"same",5} {"checks",6} {"ref",5}");
        using var done = context.Progress.Start("pairs", pairs.Count);
        foreach (var pair in pairs)
        {
            var score = await bench.RunAsync(corpus, pair, cancellationToken);
            done.Add();
            if (score is null)
            {
                var untranslated = await TranslationBenchmark.UntranslatedChrFAsync(corpus, pair, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair,-8} {"no route",-10} {"",5} {"",6} {"",6} {"",6} {"",6} {untranslated,6:F1}"));
                continue;
            }
            scores.Add(score);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pair,-8} {score.Route,-10} {score.Lines,5} {score.Bleu,6:F1} {score.RawBleu,6:F1} {score.ChrF,6:F1} {score.RawChrF,6:F1} {score.UntranslatedChrF,6:F1} {score.WordsPerSecond,8:F0} {score.RawWordsPerSecond,8:F0} {score.IdenticalLines,5} {Failed(score.ChecksFailed),6} {Failed(score.ReferenceChecksFailed),5}"));
        }
        if (scores.Count == 0)
        {
            Console.Error.WriteLine("foreigndesk: no pair of the bench has an Apertium route here");
            return 1;
        }

        var words = scores.Sum(s => (double)s.Words);
        var below = scores.Where(s => s.ChrF < s.RawChrF).Select(s => s.Pair).ToList();
        Console.WriteLine($"chrF below raw on: {(below.Count == 0 ? "none" : string.Join(", ", below))}");
        var worse = scores.Where(s => s.ChrF <= s.UntranslatedChrF).Select(s => s.Pair).ToList();
        Console.WriteLine($"chrF not above the untranslated original on: {(worse.Count == 0 ? "none" : string.Join(", ", worse))}");
        // Translation checks: lines whose output lost a number, date, amount or address; the same on the references.
        foreach (var kind in Enum.GetValues<CheckKind>())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"check {kind,-10} failed on {scores.Sum(s => s.ChecksFailed?.GetValueOrDefault(kind) ?? 0),5} lines of the output, {scores.Sum(s => s.ReferenceChecksFailed?.GetValueOrDefault(kind) ?? 0),5} of the references"));
        BenchCommand.Summary(
            ("chrF", Math.Round(scores.Average(s => s.ChrF), 2)),
            ("raw_chrF", Math.Round(scores.Average(s => s.RawChrF), 2)),
            ("BLEU", Math.Round(scores.Average(s => s.Bleu), 2)),
            ("raw_BLEU", Math.Round(scores.Average(s => s.RawBleu), 2)),
            ("words_per_s", Math.Round(words / scores.Sum(s => s.Elapsed.TotalSeconds))),
            ("raw_words_per_s", Math.Round(words / scores.Sum(s => s.RawElapsed.TotalSeconds))),
            ("check_failures", scores.Sum(s => Failed(s.ChecksFailed))),
            ("reference_check_failures", scores.Sum(s => Failed(s.ReferenceChecksFailed))),
            ("lines", scores.Sum(s => s.Lines)),
            ("pairs", scores.Count));
        return 0;
    }

    private static int Failed(IReadOnlyDictionary<CheckKind, int>? failed) => failed?.Values.Sum() ?? 0;
}
