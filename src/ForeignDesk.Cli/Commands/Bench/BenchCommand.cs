namespace ForeignDesk.Cli.Commands.Bench;

/// <summary>
/// <c>foreigndesk bench NAME</c>: measurements of speed and quality on the shared corpora. Every bench prints its
/// figures and ends with one summary line of <c>name value</c> pairs, so that scripts can read it.
/// </summary>
internal static class BenchCommand
{
    private static readonly Dictionary<string, Func<CliArguments, CancellationToken, Task<int>>> Benches = new(StringComparer.Ordinal)
    {
        ["translation"] = TranslationBench.RunAsync,
        ["feeds"] = FeedsBench.RunAsync,
        ["discovery"] = DiscoveryBench.RunAsync,
        ["extraction"] = ExtractionBench.RunAsync,
        ["latency"] = LatencyBench.RunAsync,
        ["fuzz"] = FuzzBench.RunAsync,
    };

    public static Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken) =>
        arguments.Word(1) is { } name && Benches.TryGetValue(name, out var bench)
            ? bench(arguments, cancellationToken)
            : throw new UsageException($"bench needs one of: {string.Join(", ", Benches.Keys.Order())}");

    /// <summary>The shared folder for a bench: <c>--corpus DIR</c>, else <c>../shared/RELATIVE</c> from the working directory.</summary>
    public static string CorpusFolder(CliArguments arguments, string relative)
    {
        var folder = Path.GetFullPath(arguments.Option("corpus") ?? Path.Combine("..", "shared", relative));
        return Directory.Exists(folder)
            ? folder
            : throw new UsageException($"no corpus at {folder} (give --corpus DIR)");
    }

    /// <summary>Writes the closing summary line: <c>name value name value ...</c>.</summary>
    public static void Summary(params (string Name, double Value)[] figures) =>
        Console.WriteLine(string.Join(' ', figures.Select(f => $"{f.Name} {f.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}")));
}
