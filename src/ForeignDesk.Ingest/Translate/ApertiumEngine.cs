using System.Collections.Concurrent;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Translates with the Apertium pairs installed on this machine, directly or through a pivot language. Each route keeps a
/// few long-lived null-flush pipelines; segments are sent in batches and mapped back one to one.
/// </summary>
public sealed class ApertiumEngine : ITranslationEngine, IAsyncDisposable
{
    /// <summary>Source characters per request; larger inputs are split into several requests.</summary>
    private const int MaxBatchChars = 16_000;

    /// <summary>Requests smaller than this go to one chain even when there are several.</summary>
    private const int MinParallelChars = 2_000;

    private readonly ApertiumOptions options;
    private readonly ILogger<ApertiumEngine> logger;
    private readonly ApertiumModes modes;
    private readonly ApertiumPackages packages = new(ApertiumPackages.DebianStatusFile);
    private readonly ConcurrentDictionary<string, ApertiumChainPool> pools = new();
    private bool disposed;

    public ApertiumEngine(IOptions<ApertiumOptions> options, ILogger<ApertiumEngine> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        modes = new ApertiumModes(this.options.ModesDirectory);
    }

    public string Name => "apertium";

    public string? RouteFor(string from, string to) => modes.Find(from, to)?.Display;

    public string? VersionFor(string from, string to) => modes.Find(from, to) is { } route ? packages.VersionOf(route) : null;

    /// <summary>Every language this engine can translate into English with the pairs installed now.</summary>
    public IReadOnlyList<EngineRoute> Routes() =>
        ApertiumModes.KnownLanguages
            .Select(language => modes.Find(language, "en"))
            .OfType<ApertiumRoute>()
            .Select(route => new EngineRoute(route.From, route.To, route.Display))
            .OrderBy(route => route.From, StringComparer.Ordinal)
            .ToList();

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var route = modes.Find(request.From, request.To)
            ?? throw new TranslationException($"Apertium has no route from {request.From} to {request.To}.");
        var pool = pools.GetOrAdd(route.Display, _ => new ApertiumChainPool(route, options.ProcessesPerPair, options.RequestTimeout, logger));

        var results = new string[request.Segments.Count];
        var words = 0;
        var unknown = 0;
        // Lines of one text go in order through one chain, as Apertium reads a file. Other batches go to the pool at
        // once: with several chains per route they are translated in parallel.
        var lines = request.LinesOfOneText && request.Format == SegmentFormat.Text;
        var indexes = Batches(request.Segments, lines ? 1 : options.ProcessesPerPair, lines).ToList();
        var batches = indexes
            .Select(batch => (IReadOnlyList<string>)batch.Select(index => request.Segments[index]).ToList())
            .ToList();
        var done = lines
            ? await TranslateLinesAsync(pool, request, batches, cancellationToken)
            : await Task.WhenAll(batches.Select(batch => TranslateUnitsAsync(pool, request, batch, cancellationToken)));
        for (var b = 0; b < batches.Count; b++)
        {
            var (translated, sourceWords, unknownWords) = done[b];
            for (var k = 0; k < indexes[b].Count; k++) results[indexes[b][k]] = translated[k];
            words += sourceWords;
            unknown += unknownWords;
        }
        var share = words == 0 ? 0 : Math.Min(1.0, (double)unknown / words);
        return new TranslationResult(results, Name, route.Display, share) { EngineVersion = packages.VersionOf(route) };
    }

    /// <summary>The installed pair names (mode files) a route chains, first first, as <c>apertium -u NAME</c> takes them.</summary>
    internal IReadOnlyList<string>? ModeNames(string from, string to) =>
        modes.Find(from, to)?.ModeFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();

    /// <summary>The folder holding the mode files.</summary>
    internal string ModesDirectory => options.ModesDirectory;

    /// <summary>Process group ids of the Apertium pipelines running now for a route (for diagnostics and tests).</summary>
    internal IReadOnlyList<int> ProcessGroups(string from, string to) =>
        modes.Find(from, to) is { } route && pools.TryGetValue(route.Display, out var pool) ? pool.GroupIds : [];

    /// <summary>
    /// Lines of one text, each batch sent as Apertium reads a text file, all batches in order to one chain, and each
    /// reply split again at the line feeds (superblanks, which Apertium gives back unchanged); empty lines stay empty.
    /// A batch whose reply does not hold one line per line is translated again as units that stand alone.
    /// </summary>
    private async Task<(string[] Segments, int Words, int Unknown)[]> TranslateLinesAsync(
        ApertiumChainPool pool, TranslationRequest request, IReadOnlyList<IReadOnlyList<string>> batches, CancellationToken cancellationToken)
    {
        var codec = new SegmentCodec(request.Format, EnglishNumbers.For(request.From, request.To), lines: true);
        var filled = batches
            .Select(batch => Enumerable.Range(0, batch.Count).Where(k => !string.IsNullOrWhiteSpace(batch[k])).ToList())
            .ToList();
        var texts = filled.Select((indexes, b) => indexes.Select(k => batches[b][k]).ToList()).ToList();
        var requests = texts.Where(lines => lines.Count > 0).Select(lines => codec.Write(lines)).ToList();
        var replies = await pool.SendInOrderAsync(requests.Select(r => r.Request).ToList(), cancellationToken);

        var done = new (string[] Segments, int Words, int Unknown)[batches.Count];
        var next = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            var results = batches[b].ToArray();
            if (texts[b].Count == 0)
            {
                done[b] = (results, 0, 0);
                continue;
            }
            var (_, words) = requests[next];
            var reply = ApertiumReply.Parse(replies[next++], lines: true, englishArticles: IsEnglish(request));
            if (reply.Segments.Count != texts[b].Count)
            {
                Log.ApertiumBatchMismatch(logger, pool.Route.Display, reply.Segments.Count, texts[b].Count);
                done[b] = await TranslateUnitsAsync(pool, request, batches[b], cancellationToken);
                continue;
            }
            var translated = codec.Read(texts[b], reply.Segments);
            for (var k = 0; k < filled[b].Count; k++) results[filled[b][k]] = translated[k];
            done[b] = (results, words, reply.UnknownWords);
        }
        return done;
    }

    /// <summary>Units that stand alone, each ended as a sentence; one by one when the reply does not map back.</summary>
    private async Task<(string[] Segments, int Words, int Unknown)> TranslateUnitsAsync(
        ApertiumChainPool pool, TranslationRequest request, IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        var codec = new SegmentCodec(request.Format, EnglishNumbers.For(request.From, request.To));
        var (text, words) = codec.Write(segments);
        var reply = ApertiumReply.Parse(await pool.SendAsync(text, cancellationToken), englishArticles: IsEnglish(request));
        if (reply.Segments.Count == segments.Count)
            return (codec.Read(segments, reply.Segments), words, reply.UnknownWords);

        Log.ApertiumBatchMismatch(logger, pool.Route.Display, reply.Segments.Count, segments.Count);
        var results = new string[segments.Count];
        var unknown = 0;
        for (var k = 0; k < segments.Count; k++)
        {
            var (single, _) = codec.Write([segments[k]]);
            var one = ApertiumReply.Parse(await pool.SendAsync(single, cancellationToken), englishArticles: IsEnglish(request));
            var tokens = one.Segments.SelectMany(s => s).ToList();
            results[k] = codec.Read([segments[k]], [tokens])[0];
            unknown += one.UnknownWords;
        }
        return (results, words, unknown);
    }

    /// <summary>
    /// Consecutive segments in batches of about equal size, none over <see cref="MaxBatchChars"/> (unless one segment
    /// is); with several chains, a large request gets a multiple of their number so that they all finish together.
    /// Lines of one text are cut after a line that ends a sentence where one comes before the limit, so that a batch
    /// ends where the whole text would have a sentence end anyway.
    /// </summary>
    private static IEnumerable<IReadOnlyList<int>> Batches(IReadOnlyList<string> segments, int chains, bool lines)
    {
        long total = segments.Sum(s => (long)s.Length);
        var count = (int)Math.Max(1, (total + MaxBatchChars - 1) / MaxBatchChars);
        if (chains > 1 && total >= MinParallelChars) count = (Math.Max(count, chains) + chains - 1) / chains * chains;
        var target = Math.Max(1, total / count);

        var batch = new List<int>();
        long size = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var full = size + segments[i].Length > MaxBatchChars;
            if (batch.Count > 0 && (full || (size >= target && (!lines || EndsSentence(segments[i - 1])))))
            {
                yield return batch;
                batch = [];
                size = 0;
            }
            batch.Add(i);
            size += segments[i].Length;
        }
        if (batch.Count > 0) yield return batch;
    }

    private static bool IsEnglish(TranslationRequest request) => request.To.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a line ends with a full stop, a question or exclamation mark, or an ellipsis (before closing quotes).</summary>
    private static bool EndsSentence(string line)
    {
        var end = line.AsSpan().TrimEnd().TrimEnd("\"'»”’)]");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…';
    }

    public ValueTask DisposeAsync()
    {
        disposed = true;
        foreach (var pool in pools.Values) pool.Dispose();
        pools.Clear();
        return ValueTask.CompletedTask;
    }
}
