using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Looks every unit up in the translation memory first and sends only the misses to the engine it wraps, then
/// remembers their translations. Keyed by source text, languages, engine name, format and glossary version, so
/// translating an article again costs nothing and a changed article only translates the units that changed.
/// </summary>
public sealed class MemorizingTranslationEngine(ITranslationEngine inner, ITranslationMemory memory, string glossaryVersion) : ITranslationEngine
{
    public string Name => inner.Name;

    public string? RouteFor(string from, string to) => inner.RouteFor(from, to);

    public string? VersionFor(string from, string to) => inner.VersionFor(from, to);

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var scope = new MemoryScope(request.From, request.To, inner.Name, request.Format, glossaryVersion);
        var wanted = request.Segments.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var known = new Dictionary<string, MemoryEntry>(await memory.FindAsync(scope, wanted, cancellationToken), StringComparer.Ordinal);
        var misses = wanted.Where(s => !known.ContainsKey(s)).ToList();

        string? route = null, version = null;
        if (misses.Count > 0)
        {
            var fresh = await inner.TranslateAsync(request with { Segments = misses }, cancellationToken);
            if (fresh.Segments.Count != misses.Count)
                throw new TranslationException($"{fresh.Engine} returned {fresh.Segments.Count} segments for {misses.Count}.");
            var entries = misses.Select((source, i) => new MemoryEntry(source, fresh.Segments[i], fresh.UnknownWordShare)).ToList();
            await memory.SaveAsync(scope, entries, cancellationToken);
            foreach (var entry in entries) known[entry.Source] = entry;
            route = fresh.Route;
            version = fresh.EngineVersion;
        }

        route ??= inner.RouteFor(request.From, request.To) ?? $"{request.From}→{request.To}";
        version ??= inner.VersionFor(request.From, request.To);
        var segments = request.Segments.Select(s => known.TryGetValue(s, out var e) ? e.Target : s).ToList();
        double weight = 0, unknown = 0;
        foreach (var source in request.Segments)
        {
            if (!known.TryGetValue(source, out var entry)) continue;
            weight += source.Length;
            unknown += entry.UnknownWordShare * source.Length;
        }
        return new TranslationResult(segments, inner.Name, route, weight == 0 ? 0 : unknown / weight) { EngineVersion = version };
    }
}
