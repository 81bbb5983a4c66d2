using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench fuzz [--seconds N] [--target NAME]</c>: coverage-guided fuzzing of the code that reads outside input (feed
/// parser, extractor, sanitizer, date readers, search query parser) with SharpFuzz and afl-fuzz. Builds the harness
/// (src/ForeignDesk.Fuzz), instruments the product assemblies of its output, and gives each target an equal share of
/// N seconds (default 300), starting from the harness's seeds and a few size-capped files of the shared corpora.
/// Installs afl++ (apt-get) and the sharpfuzz tool when missing. Prints each target's figures and the path of every
/// crashing or hanging input with what it throws, then <c>seconds N targets N execs N crashes N hangs N</c>.
/// </summary>
internal static class FuzzBench
{
    private const string SharpFuzzVersion = "2.3.0";
    private const int SeedFilesPerCorpus = 6;
    private const int SeedBytes = 32 * 1024;

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var seconds = int.TryParse(context.Option("seconds") ?? "300", NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 10
            ? s
            : throw new BenchUsageException("--seconds needs a whole number of seconds, at least 10");
        var root = RepositoryRoot();
        var work = Path.Combine(root, "artifacts", "fuzz");
        var afl = await EnsureAflAsync(cancellationToken);
        var sharpfuzz = await EnsureSharpFuzzAsync(Path.Combine(work, "tool"), cancellationToken);

        var bin = Path.Combine(work, "bin");
        await RunToolAsync("dotnet", ["build", Path.Combine(root, "src", "ForeignDesk.Fuzz", "ForeignDesk.Fuzz.csproj"), "-c", "Release", "-o", bin, "-nologo", "-v", "quiet", "-clp:ErrorsOnly"], cancellationToken);
        var names = TargetNames(bin);
        var targets = context.Option("target") is { } only
            ? names.Contains(only) ? [only] : throw new BenchUsageException($"--target needs one of: {string.Join(", ", names)}")
            : names;

        var instrumented = Path.Combine(work, "instrumented");
        CopyFolder(bin, instrumented);
        foreach (var assembly in new[] { "ForeignDesk.Ingest.dll", "ForeignDesk.Store.dll" })
            await RunToolAsync(sharpfuzz, [Path.Combine(instrumented, assembly)], cancellationToken);

        var share = Math.Max(5, seconds / targets.Count);
        var total = new AflStats(0, 0, 0, 0, 0, 0, 0);
        using var fuzzed = context.Progress.Start("targets", targets.Count);
        foreach (var target in targets)
        {
            var seeds = Seeds(target, Path.Combine(bin, "Seeds", target), Path.Combine(work, "seeds", target));
            var findings = Path.Combine(work, "findings", target);
            if (Directory.Exists(findings)) Directory.Delete(findings, recursive: true);
            Console.WriteLine($"{target}: {share} s from {Directory.GetFiles(seeds).Length} seeds");
            await FuzzAsync(afl, instrumented, target, seeds, findings, share, cancellationToken);
            fuzzed.Add();

            var statsFile = Path.Combine(findings, "default", "fuzzer_stats");
            var stats = File.Exists(statsFile) ? AflStats.Parse(await File.ReadAllTextAsync(statsFile, cancellationToken)) : total with { Seconds = 0 };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ran {stats.Seconds:0} s  execs {stats.Execs}  execs/s {stats.ExecsPerSecond:0}  corpus {stats.Corpus}  edges {stats.Edges}  crashes {stats.Crashes}  hangs {stats.Hangs}"));
            var found = Inputs(Path.Combine(findings, "default", "crashes")).Concat(Inputs(Path.Combine(findings, "default", "hangs"))).ToList();
            if (found.Count > 0)
                await ReplayAsync(bin, target, found, cancellationToken);
            total = new AflStats(total.Seconds + stats.Seconds, total.Execs + stats.Execs, 0, total.Corpus + stats.Corpus,
                total.Edges + stats.Edges, total.Crashes + stats.Crashes, total.Hangs + stats.Hangs);
        }

        BenchCommand.Summary(("seconds", total.Seconds), ("targets", targets.Count), ("execs", total.Execs), ("crashes", total.Crashes), ("hangs", total.Hangs));
        return total.Crashes + total.Hangs == 0 ? 0 : 1;
    }

    /// <summary>One target under afl-fuzz for <paramref name="seconds"/> seconds of fuzzing (its log in the findings folder).</summary>
    private static async Task FuzzAsync(string afl, string instrumented, string target, string seeds, string findings, int seconds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(findings);
        var start = new ProcessStartInfo(afl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-i", seeds, "-o", findings, "-t", "5000", "-m", "none", "-V", seconds.ToString(CultureInfo.InvariantCulture),
                     "--", "dotnet", Path.Combine(instrumented, "ForeignDesk.Fuzz.dll"), target })
            start.ArgumentList.Add(arg);
        // dotnet is not instrumented itself (SharpFuzz's forkserver runs in the managed code); no UI on a terminal;
        // this machine is shared, so no CPU is taken for afl-fuzz alone.
        start.Environment["AFL_SKIP_BIN_CHECK"] = "1";
        start.Environment["AFL_NO_UI"] = "1";
        start.Environment["AFL_SKIP_CPUFREQ"] = "1";
        start.Environment["AFL_NO_AFFINITY"] = "1";
        start.Environment["AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES"] = "1";
        await using var log = new StreamWriter(Path.Combine(findings, "afl.log"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("afl-fuzz did not start");
        var output = process.StandardOutput.BaseStream.CopyToAsync(log.BaseStream, cancellationToken);
        var errors = process.StandardError.BaseStream.CopyToAsync(log.BaseStream, cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds + 120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            Console.WriteLine($"  afl-fuzz did not stop after {seconds} s and was ended");
        }

        await Task.WhenAll(output, errors).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (process.ExitCode != 0 && !limit.IsCancellationRequested)
            Console.WriteLine($"  afl-fuzz exited with {process.ExitCode}; see {Path.Combine(findings, "afl.log")}");
    }

    /// <summary>Runs the crashing and hanging inputs through the uninstrumented harness and prints what each does.</summary>
    private static async Task ReplayAsync(string bin, string target, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(bin, "ForeignDesk.Fuzz.dll"), target, input }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            string verdict;
            try
            {
                await process.WaitForExitAsync(limit.Token);
                var text = (await output).Trim();
                var error = (await errors).Split('\n').FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal))?.Trim();
                verdict = text.Length > 0 && !text.StartsWith("ok ", StringComparison.Ordinal) ? text
                    : error ?? (process.ExitCode == 0 ? $"no error when run again: {input}" : $"exit {process.ExitCode}: {input}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                verdict = $"no answer within 30 s: {input}";
            }

            Console.WriteLine($"  FINDING {verdict}");
        }
    }

    /// <summary>The harness's own seeds plus a few size-capped files of the shared corpora (feeds, extraction pages).</summary>
    private static string Seeds(string target, string builtIn, string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(builtIn)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));

        var shared = Path.GetFullPath(Path.Combine("..", "shared"));
        var corpus = target switch
        {
            "feed" => Path.Combine(shared, "corpus", "feeds"),
            "extract" => Path.Combine(shared, "bench", "extraction", "html"),
            _ => null,
        };
        if (corpus is null || !Directory.Exists(corpus)) return folder;

        var files = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".atom", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).Equals("expected.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var step = Math.Max(1, files.Count / SeedFilesPerCorpus);
        var n = 0;
        for (var i = 0; i < files.Count && n < SeedFilesPerCorpus; i += step, n++)
        {
            var bytes = ReadCapped(files[i]);
            File.WriteAllBytes(Path.Combine(folder, $"shared-{n}{(target == "extract" ? ".html" : Path.GetExtension(files[i]))}"), bytes);
        }

        return folder;
    }

    private static byte[] ReadCapped(string file)
    {
        using var stream = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? (Stream)new GZipStream(File.OpenRead(file), CompressionMode.Decompress)
            : File.OpenRead(file);
        var buffer = new byte[SeedBytes];
        var read = 0;
        while (read < buffer.Length && stream.Read(buffer, read, buffer.Length - read) is > 0 and var got) read += got;
        return buffer[..read];
    }

    private static IEnumerable<string> Inputs(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).Equals("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];

    /// <summary>The target names, in the harness's own order (its seed folders hold one folder per target).</summary>
    private static IReadOnlyList<string> TargetNames(string bin)
    {
        string[] order = ["feed", "extract", "sanitize", "dates", "query"];
        var present = Directory.GetDirectories(Path.Combine(bin, "Seeds")).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return order.Where(present.Contains).Concat(present.Except(order).Order(StringComparer.Ordinal)).ToList();
    }

    private static async Task<string> EnsureAflAsync(CancellationToken cancellationToken)
    {
        await Web.DebianTools.EnsureAsync("afl-fuzz", "afl++", cancellationToken);
        return OnPath("afl-fuzz") ?? throw new InvalidOperationException("afl-fuzz is not on the PATH after installing afl++");
    }

    private static async Task<string> EnsureSharpFuzzAsync(string folder, CancellationToken cancellationToken)
    {
        var tool = Path.Combine(folder, "sharpfuzz");
        if (File.Exists(tool)) return tool;
        Console.WriteLine($"installing the sharpfuzz tool {SharpFuzzVersion}");
        await RunToolAsync("dotnet", ["tool", "install", "--tool-path", folder, "SharpFuzz.CommandLine", "--version", SharpFuzzVersion], cancellationToken);
        return tool;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static async Task RunToolAsync(string file, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {((await output) + (await errors)).Trim()}");
    }

    /// <summary>The checkout this command runs from: the working directory or the folder of the running program, upwards.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ForeignDesk.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("bench fuzz runs from a ForeignDesk checkout (no ForeignDesk.slnx above this folder)");
    }

    private static void CopyFolder(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
