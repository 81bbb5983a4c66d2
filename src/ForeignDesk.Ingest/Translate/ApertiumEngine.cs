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
        foreach (var batch in Batches(request.Segments))
        {
            var (translated, sourceWords, unknownWords) = await TranslateBatchAsync(pool, request, batch, cancellationToken);
            for (var k = 0; k < batch.Count; k++) results[batch[k]] = translated[k];
            words += sourceWords;
            unknown += unknownWords;
        }
        var share = words == 0 ? 0 : Math.Min(1.0, (double)unknown / words);
        return new TranslationResult(results, Name, route.Display, share);
    }

    /// <summary>Process group ids of the Apertium pipelines running now for a route (for diagnostics and tests).</summary>
    internal IReadOnlyList<int> ProcessGroups(string from, string to) =>
        modes.Find(from, to) is { } route && pools.TryGetValue(route.Display, out var pool) ? pool.GroupIds : [];

    private async Task<(string[] Segments, int Words, int Unknown)> TranslateBatchAsync(
        ApertiumChainPool pool, TranslationRequest request, IReadOnlyList<int> batch, CancellationToken cancellationToken)
    {
        var codec = new SegmentCodec(request.Format);
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

    private static IEnumerable<IReadOnlyList<int>> Batches(IReadOnlyList<string> segments)
    {
        var batch = new List<int>();
        var size = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            if (batch.Count > 0 && size + segments[i].Length > MaxBatchChars)
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
