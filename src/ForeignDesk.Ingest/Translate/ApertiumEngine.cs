using System.Collections.Concurrent;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Translates with the Apertium pairs installed on this machine, directly or through Spanish. Each route keeps a
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
        // Batches go to the pool at once: with several chains per route they are translated in parallel.
        var batches = Batches(request.Segments, options.ProcessesPerPair).ToList();
        var done = await Task.WhenAll(batches.Select(batch => TranslateBatchAsync(pool, request, batch, cancellationToken)));
        for (var b = 0; b < batches.Count; b++)
        {
            var (translated, sourceWords, unknownWords) = done[b];
            for (var k = 0; k < batches[b].Count; k++) results[batches[b][k]] = translated[k];
            words += sourceWords;
            unknown += unknownWords;
        }
        var share = words == 0 ? 0 : Math.Min(1.0, (double)unknown / words);
        return new TranslationResult(results, Name, route.Display, share);
    }

    /// <summary>The installed pair names (mode files) a route chains, first first, as <c>apertium -u NAME</c> takes them.</summary>
    internal IReadOnlyList<string>? ModeNames(string from, string to) =>
        modes.Find(from, to)?.ModeFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();

    /// <summary>The folder holding the mode files.</summary>
    internal string ModesDirectory => options.ModesDirectory;

    /// <summary>Process group ids of the Apertium pipelines running now for a route (for diagnostics and tests).</summary>
    internal IReadOnlyList<int> ProcessGroups(string from, string to) =>
        modes.Find(from, to) is { } route && pools.TryGetValue(route.Display, out var pool) ? pool.GroupIds : [];

    private async Task<(string[] Segments, int Words, int Unknown)> TranslateBatchAsync(
        ApertiumChainPool pool, TranslationRequest request, IReadOnlyList<int> batch, CancellationToken cancellationToken)
    {
        var codec = new SegmentCodec(request.Format, EnglishNumbers.For(request.From, request.To));
        var segments = batch.Select(index => request.Segments[index]).ToList();
        var (text, words) = codec.Write(segments);
        var reply = ApertiumReply.Parse(await pool.SendAsync(text, cancellationToken));
        if (reply.Segments.Count == segments.Count)
            return (codec.Read(segments, reply.Segments), words, reply.UnknownWords);

        Log.ApertiumBatchMismatch(logger, pool.Route.Display, reply.Segments.Count, segments.Count);
        var results = new string[segments.Count];
        var unknown = 0;
        for (var k = 0; k < segments.Count; k++)
        {
            var (single, _) = codec.Write([segments[k]]);
            var one = ApertiumReply.Parse(await pool.SendAsync(single, cancellationToken));
            var tokens = one.Segments.SelectMany(s => s).ToList();
            results[k] = codec.Read([segments[k]], [tokens])[0];
            unknown += one.UnknownWords;
        }
        return (results, words, unknown);
    }

    /// <summary>
    /// Consecutive segments in batches of about equal size, none over <see cref="MaxBatchChars"/> (unless one segment
    /// is); with several chains, a large request gets a multiple of their number so that they all finish together.
    /// </summary>
    private static IEnumerable<IReadOnlyList<int>> Batches(IReadOnlyList<string> segments, int chains)
    {
        long total = segments.Sum(s => (long)s.Length);
        var count = (int)Math.Max(1, (total + MaxBatchChars - 1) / MaxBatchChars);
        if (chains > 1 && total >= MinParallelChars) count = (Math.Max(count, chains) + chains - 1) / chains * chains;
        var target = Math.Max(1, total / count);

        var batch = new List<int>();
        long size = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            if (batch.Count > 0 && (size >= target || size + segments[i].Length > MaxBatchChars))
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

    public ValueTask DisposeAsync()
    {
        disposed = true;
        foreach (var pool in pools.Values) pool.Dispose();
        pools.Clear();
        return ValueTask.CompletedTask;
    }
}
