using ForeignDesk.Ingest.Translate;
using System.Diagnostics;
using ForeignDesk.Core;

namespace ForeignDesk.Bench.Translation;

/// <summary>
/// Runs a development set of a bench folder (<c>&lt;src&gt;-eng/src.txt</c> and <c>ref.txt</c>) through
/// ForeignDesk's own path for plain text (<see cref="DocumentTranslator"/> over the stack, without memory or
/// glossary, so that it measures the engine) and through plain <c>apertium -u</c> over the whole file (two piped
/// for a pivot), and scores both with <see cref="CorpusScorer"/> (the bench's <c>score.py</c>, BLEU and chrF2).
/// </summary>
public sealed class TranslationBenchmark(ApertiumEngine engine, TimeProvider time)
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spa"] = "es", ["cat"] = "ca", ["glg"] = "gl", ["fra"] = "fr", ["por"] = "pt", ["ita"] = "it", ["ron"] = "ro",
        ["oci"] = "oc", ["eus"] = "eu", ["hrv"] = "hr", ["bos"] = "bs", ["srp"] = "sr", ["isl"] = "is", ["mkd"] = "mk",
        ["epo"] = "eo", ["deu"] = "de", ["bul"] = "bg", ["slv"] = "sl",
    };

    /// <summary>Scores one pair, for example "spa-eng"; null when there is no route for it.</summary>
    public async Task<BenchmarkScore?> RunAsync(string benchDirectory, string pair, CancellationToken ct)
    {
        var source = pair.Split('-')[0];
        if (!Languages.TryGetValue(source, out var from)) return null;
        var route = engine.RouteFor(from, "en");
        var modeNames = engine.ModeNames(from, "en");
        if (route is null || modeNames is null) return null;

        var folder = Path.Combine(benchDirectory, pair);
        var srcPath = Path.Combine(folder, "src.txt");
        var input = await File.ReadAllTextAsync(srcPath, ct);
        var references = Lines(await File.ReadAllTextAsync(Path.Combine(folder, "ref.txt"), ct));
        var words = input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        var units = TranslationStack.Plain.For(engine, from, useMemory: false);
        var started = time.GetTimestamp();
        var document = await DocumentTranslator.TranslateTextAsync(input, from, "en", units, ct);
        var elapsed = time.GetElapsedTime(started);
        var ours = Lines(document.Text);

        var pipeline = string.Join(" | ", modeNames.Select(name => $"apertium{DataOption()} -u {name}"));
        started = time.GetTimestamp();
        var raw = Lines(await RunAsync($"< '{srcPath}' {pipeline}", ct));
        var rawElapsed = time.GetElapsedTime(started);

        var identical = ours.Zip(raw).Count(p => Tidied(p.First) == Tidied(p.Second));
        return new BenchmarkScore(pair, route, ours.Count,
            CorpusScorer.Bleu(ours, references), CorpusScorer.ChrF(ours, references), elapsed,
            CorpusScorer.Bleu(raw, references), CorpusScorer.ChrF(raw, references), rawElapsed, identical, words,
            CorpusScorer.ChrF(Lines(input), references),
            FailedChecks(Lines(input), ours, from), FailedChecks(Lines(input), references, from));
    }

    /// <summary>Lines whose translation fails a check of <see cref="TranslationChecks"/>, per kind (a line counts once per kind).</summary>
    private static Dictionary<CheckKind, int> FailedChecks(IReadOnlyList<string> sources, IReadOnlyList<string> translations, string language)
    {
        var failed = new Dictionary<CheckKind, int>();
        foreach (var (source, translation) in sources.Zip(translations))
            foreach (var kind in TranslationChecks.Check(source, translation, language).Select(f => f.Kind).Distinct())
                failed[kind] = failed.GetValueOrDefault(kind) + 1;
        return failed;
    }

    /// <summary>chrF2 of a pair's source text against its reference: the score of showing the original untranslated.</summary>
    public static async Task<double> UntranslatedChrFAsync(string benchDirectory, string pair, CancellationToken ct)
    {
        var folder = Path.Combine(benchDirectory, pair);
        var source = Lines(await File.ReadAllTextAsync(Path.Combine(folder, "src.txt"), ct));
        return CorpusScorer.ChrF(source, Lines(await File.ReadAllTextAsync(Path.Combine(folder, "ref.txt"), ct)));
    }

    /// <summary>
    /// A line with its runs of spaces made one and no space before sentence punctuation: ForeignDesk tidies the spaces
    /// Apertium leaves where it drops a word.
    /// </summary>
    private static string Tidied(string line) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(line, " {2,}", " "), @" +(?=[,.;:!?]+(?:\s|$))", "");

    /// <summary>The lines of a file as <c>score.py</c> reads them: split at line feeds, carriage returns dropped.</summary>
    public static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0 && text.EndsWith('\n')) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary><c>-d</c> for apertium when the engine reads mode files from somewhere else than the default.</summary>
    private string DataOption()
    {
        var modes = Path.GetFullPath(engine.ModesDirectory).TrimEnd('/');
        return modes == "/usr/share/apertium/modes" ? "" : $" -d '{Path.GetDirectoryName(modes)}'";
    }

    private static async Task<string> RunAsync(string command, CancellationToken ct)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("set -o pipefail; " + command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed: {await stderr}");
        return await stdout;
    }
}
