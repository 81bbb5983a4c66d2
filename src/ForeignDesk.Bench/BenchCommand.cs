namespace ForeignDesk.Bench;

/// <summary>
/// <c>foreigndesk bench NAME</c>: measurements of speed and quality on the shared corpora. Every bench prints its
/// figures and ends with one summary line of <c>name value</c> pairs, so that scripts can read it.
/// </summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, Func<BenchContext, CancellationToken, Task<int>>> Benches = new(StringComparer.Ordinal)
    {
        ["translation"] = TranslationBench.RunAsync,
        ["feeds"] = FeedsBench.RunAsync,
        ["discovery"] = DiscoveryBench.RunAsync,
        ["extraction"] = ExtractionBench.RunAsync,
        ["latency"] = LatencyBench.RunAsync,
        ["web"] = WebBench.RunAsync,
        ["fuzz"] = FuzzBench.RunAsync,
        ["soak"] = SoakBench.RunAsync,
    };

    /// <param name="name">The bench to run, as the word after <c>bench</c>.</param>
    /// <exception cref="BenchUsageException">No such bench, or bad input to it.</exception>
    public static Task<int> RunAsync(string? name, BenchContext context, CancellationToken cancellationToken) =>
        name is not null && Benches.TryGetValue(name, out var bench)
            ? bench(context, cancellationToken)
            : throw new BenchUsageException($"bench needs one of: {string.Join(", ", Benches.Keys.Order())}");

    /// <summary>The shared folder for a bench: <c>--corpus DIR</c>, else <c>../shared/RELATIVE</c> from the working directory.</summary>
    internal static string CorpusFolder(BenchContext context, string relative)
    {
        var folder = Path.GetFullPath(context.Option("corpus") ?? Path.Combine("..", "shared", relative));
        return Directory.Exists(folder)
            ? folder
            : throw new BenchUsageException($"no corpus at {folder} (give --corpus DIR)");
    }

    /// <summary>Writes the closing summary line: <c>name value name value ...</c>.</summary>
    internal static void Summary(params (string Name, double Value)[] figures) =>
        Console.WriteLine(string.Join(' ', figures.Select(f => $"{f.Name} {f.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}")));
}
