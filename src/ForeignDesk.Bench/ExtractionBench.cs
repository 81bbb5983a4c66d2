using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ForeignDesk.Bench.Extraction;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>foreigndesk bench extraction [--corpus DIR] [--json FILE] [--rounds N]</c>: body-extraction quality as the benchmark's
/// <c>score.py</c> defines it, extraction speed on one core next to the parse-only speed of the same HTML parser,
/// and peak memory. <c>--json FILE</c> writes the predictions in the form <c>score.py</c> reads.
/// </summary>
internal static class ExtractionBench
{

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var folder = BenchCommand.CorpusFolder(context, Path.Combine("bench", "extraction"));
        var pages = await ExtractionBenchmark.LoadAsync(folder, cancellationToken);
        if (pages.Count == 0) throw new BenchUsageException($"no html/*.html.gz pages in {folder}");
        var benchmark = new ExtractionBenchmark();
        var rounds = int.TryParse(context.Option("rounds"), out var r) && r > 0 ? r : 5;

        // One pass of each first, so that the timed passes measure steady state and not the JIT.
        using var passes = context.Progress.Start("rounds", rounds + 1);
        var predictions = benchmark.Run(pages, cancellationToken);
        ExtractionBenchmark.ParseOnly(pages, cancellationToken);
        passes.Add();
        // Rounds alternate between the two, so that a busy machine slows both alike; the best round of each counts.
        double parseRate = 0, extractRate = 0;
        for (var round = 0; round < rounds; round++)
        {
            parseRate = Math.Max(parseRate, ExtractionBenchmark.Rate(pages.Count, 1, () => ExtractionBenchmark.ParseOnly(pages, cancellationToken)));
            extractRate = Math.Max(extractRate, ExtractionBenchmark.Rate(pages.Count, 1, () => benchmark.Run(pages, cancellationToken)));
            passes.Add();
        }

        var truth = pages.ToDictionary(p => p.Id, p => p.Truth, StringComparer.Ordinal);
        var figures = ExtractionScore.Score(truth, predictions);
        var peakMb = Math.Max(Process.GetCurrentProcess().PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes) / (1024.0 * 1024.0);

        if (context.Option("json") is { } jsonPath)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(predictions, new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }), cancellationToken);
            Console.WriteLine($"predictions written to {jsonPath}");
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"corpus      {folder} ({pages.Count} pages, {figures.EmptyPredictions} empty predictions)");
        Console.WriteLine(string.Create(c, $"quality     F1 {figures.F1:0.000}  precision {figures.Precision:0.000}  recall {figures.Recall:0.000}  accuracy {figures.Accuracy:0.000}"));
        Console.WriteLine(string.Create(c, $"speed       extraction {extractRate:0} pages/s, parse only {parseRate:0} pages/s (one core, best of {rounds}); ratio {extractRate / parseRate:0.00}"));
        Console.WriteLine(string.Create(c, $"memory      peak {peakMb:0} MB"));
        Console.WriteLine("baseline    none (the extractor is our own; no library underneath it)");
        BenchCommand.Summary(
            ("F1", Math.Round(figures.F1, 3)),
            ("precision", Math.Round(figures.Precision, 3)),
            ("recall", Math.Round(figures.Recall, 3)),
            ("accuracy", Math.Round(figures.Accuracy, 3)),
            ("pages_per_s", Math.Round(extractRate)),
            ("parse_pages_per_s", Math.Round(parseRate)),
            ("peak_mb", Math.Round(peakMb)),
            ("pages", pages.Count),
            ("empty", figures.EmptyPredictions));
        return 0;
    }
}
