using System.Diagnostics;
using System.Text.Json;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Runs the development sets in a bench folder (<c>&lt;src&gt;-eng/src.txt</c> and <c>ref.txt</c>) through an
/// engine, line by line as segments, and through plain <c>apertium -u</c> over the whole file, and scores both
/// with the bench's <c>score.py</c> (BLEU and chrF2).
/// </summary>
public sealed class TranslationBenchmark(ITranslationEngine engine, TimeProvider time)
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spa"] = "es", ["cat"] = "ca", ["glg"] = "gl", ["fra"] = "fr", ["por"] = "pt", ["ita"] = "it", ["ron"] = "ro",
        ["oci"] = "oc", ["eus"] = "eu", ["hrv"] = "hr", ["bos"] = "bs", ["srp"] = "sr", ["isl"] = "is", ["mkd"] = "mk",
        ["epo"] = "eo",
    };

    /// <summary>Scores one pair, for example "spa-eng"; null when the engine has no route for it.</summary>
    public async Task<BenchmarkScore?> RunAsync(string benchDirectory, string pair, CancellationToken ct)
    {
        var source = pair.Split('-')[0];
        if (!Languages.TryGetValue(source, out var from)) return null;
        var route = engine.RouteFor(from, "en");
        if (route is null) return null;

        var folder = Path.Combine(benchDirectory, pair);
        var srcPath = Path.Combine(folder, "src.txt");
        var refPath = Path.Combine(folder, "ref.txt");
        var lines = await File.ReadAllLinesAsync(srcPath, ct);
        var work = Directory.CreateTempSubdirectory("fd-bench-");
        try
        {
            var started = time.GetTimestamp();
            var result = await engine.TranslateAsync(new TranslationRequest(from, "en", lines, SegmentFormat.Text), ct);
            var elapsed = time.GetElapsedTime(started);
            var hypPath = Path.Combine(work.FullName, "engine.txt");
            await File.WriteAllLinesAsync(hypPath, result.Segments, ct);

            var rawPath = Path.Combine(work.FullName, "raw.txt");
            var pipeline = $"cat '{srcPath}' | " + string.Join(" | ", RawPairs(route).Select(p => $"apertium -u {p}"));
            started = time.GetTimestamp();
            await RunAsync($"{pipeline} > '{rawPath}'", ct);
            var rawElapsed = time.GetElapsedTime(started);
            var raw = await File.ReadAllLinesAsync(rawPath, ct);

            var (bleu, chrf) = await ScoreAsync(benchDirectory, hypPath, refPath, ct);
            var (rawBleu, rawChrf) = await ScoreAsync(benchDirectory, rawPath, refPath, ct);
            var identical = result.Segments.Zip(raw).Count(p => p.First == p.Second);
            return new BenchmarkScore(pair, route, lines.Length, bleu, chrf, elapsed, rawBleu, rawChrf, rawElapsed, identical);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Apertium pair names for a route such as "fr→es→en", as the bench's baseline names them.</summary>
    private static IEnumerable<string> RawPairs(string route)
    {
        var steps = route.Split('→');
        for (var i = 0; i + 1 < steps.Length; i++)
        {
            yield return (steps[i], steps[i + 1]) switch
            {
                ("es", "en") => "spa-eng",
                ("ca", "en") => "cat-eng",
                ("it", "es") => "ita-spa",
                ("hr" or "bs" or "sr", "en") => "hbs-eng",
                ("is", "en") => "isl-eng",
                ("mk", "en") => "mkd-eng",
                var (a, b) => $"{a}-{b}",
            };
        }
    }

    private static async Task<(double Bleu, double ChrF)> ScoreAsync(string benchDirectory, string hyp, string reference, CancellationToken ct)
    {
        var json = await RunAsync($"python3 '{Path.Combine(benchDirectory, "score.py")}' '{hyp}' '{reference}' --json", ct);
        using var doc = JsonDocument.Parse(json);
        return (doc.RootElement.GetProperty("bleu").GetProperty("score").GetDouble(),
                doc.RootElement.GetProperty("chrf").GetProperty("score").GetDouble());
    }

    private static async Task<string> RunAsync(string command, CancellationToken ct)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed: {await stderr}");
        return await stdout;
    }
}
