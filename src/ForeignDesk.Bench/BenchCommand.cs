namespace ForeignDesk.Bench;

/// <summary>
/// <c>foreigndesk bench NAME</c>: measurements of speed and quality on the shared corpora. Every bench prints its
/// figures and ends with one summary line of <c>name value</c> pairs, so that scripts can read it.
/// </summary>
public static class BenchCommand
{
    private static readonly BenchOption Corpus = new("corpus", "The corpus folder (default: the shared one beside the repository)", "DIR");

    /// <summary>Every bench, with the options it reads.</summary>
    public static IReadOnlyList<BenchDefinition> All { get; } =
    [
        new("extraction", "Extraction speed and quality on the shared extraction set", ExtractionBench.RunAsync,
            [Corpus, new("rounds", "Timed rounds over the set (default 5)"), new("json", "Also write every page's result to this JSON file", "OUT")]),
        new("translation", "Translation speed and quality of every Apertium pair in the corpus", TranslationBench.RunAsync,
            [Corpus, new("pairs", "Only these pairs, e.g. spa-eng,fra-eng", "PAIRS"), new("processes", "Apertium processes per pair, 1 to 16 (default 2)")]),
        new("feeds", "Feed parsing over the shared feed corpus", FeedsBench.RunAsync, [Corpus]),
        new("discovery", "Search, related articles, trends and story clustering on a generated store", DiscoveryBench.RunAsync,
            [new("articles", "Articles in the generated store (default 200000)"), new("place", "Articles placed into stories one by one (default 5000)"),
                new("labelled", "Labelled stories to score clustering on (default bench/clustering/stories.jsonl)", "FILE"),
                new("store", "Keep the generated store in this file (reused when it exists)", "FILE")]),
        new("latency", "Simulated outlets followed by the pipeline: feed-to-page latency, lost, duplicated", LatencyBench.RunAsync,
            [new("outlets", "Simulated outlets (default 200)"), new("minutes", "Length of the run (default 2)"),
                new("articles-per-day", "Articles the outlets publish per day (default 100000)"), new("parallel", "Sources polled at once (default 16)"),
                new("websub-share", "Share of outlets that push through the local WebSub hub, 0 to 1 (default 0.5)", "SHARE"),
                new("warmup", "Seconds before measuring (default 10)"), new("drain", "Seconds to wait for the last articles (default 60)"),
                new("sweep", "Run once per rate, articles per day (default: a built-in series)", "R1,R2,...", ValueOptional: true)]),
        new("web", "A generated month of news served by the site and nginx, loaded with wrk", WebBench.RunAsync,
            [new("articles", "Articles in the generated store (default 1000000)"), new("store", "Keep the generated store in this file (reused when it exists)", "FILE"),
                new("clients", "Concurrent clients (default 50)"), new("seconds", "Seconds of load per page kind (default 10)"),
                new("sample", "Pages sampled for the load (default 20000)"), new("paragraphs", "Paragraphs per generated article (default 8)")]),
        new("scale", "Ingest throughput of 1, 2 and 4 worker processes on one PostgreSQL store", ScaleBench.RunAsync,
            [new("connection-string", "A PostgreSQL server on which the bench may create databases", "CS"),
                new("workers", "Worker counts to run, one after the other (default 1,2,4)", "N1,N2,..."),
                new("outlets", "Simulated outlets (default 10)"), new("articles-per-outlet", "Articles each outlet publishes, 1 to 20 (default 20)")]),
        new("fuzz", "The code that reads outside input under a coverage-guided fuzzer", FuzzBench.RunAsync,
            [new("seconds", "Seconds per target, at least 10 (default 300)"), new("target", "Only this target: feed, extract, sanitize, dates or query", "NAME")]),
        new("soak", "The site and pipeline under ingest and page load: memory, descriptors, threads a minute", SoakBench.RunAsync,
            [new("minutes", "Length of the run (default 30)"), new("outlets", "Simulated outlets (default 50)"),
                new("articles-per-day", "Articles the outlets publish per day (default 50000)"), new("clients", "Readers loading pages (default 4)"),
                new("pause-ms", "Each reader's pause between pages (default 50)"), new("parallel", "Sources polled at once (default 8)"),
                new("sample-seconds", "Seconds between samples (default 10)"), new("warmup", "Seconds before measuring (default 10)"),
                new(Soak.SoakSite.ServeOption, "Internal: serve this data folder as the soaked site", "DIR", Hidden: true),
                new("urls", "Internal: where the soaked site listens", "URL", Hidden: true)]),
    ];

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
