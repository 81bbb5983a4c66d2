using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Picks the engines for an article's language: those configuration routes it to, best first, that have a route into
/// the target language now. <see cref="Select"/> gives one engine that falls back along them; no choice means the
/// article awaits an engine.
/// </summary>
public sealed class EngineSelector
{
    private readonly Func<string, IReadOnlyList<ITranslationEngine>> candidates;
    private readonly ILogger logger;

    /// <summary>The engines <see cref="EngineCatalog"/> routes each language to.</summary>
    public EngineSelector(EngineCatalog catalog, ILogger<EngineSelector> logger)
    {
        candidates = catalog.CandidatesFor;
        this.logger = logger;
    }

    /// <summary>The same engines, in this order, for every language.</summary>
    public EngineSelector(IEnumerable<ITranslationEngine> engines, ILogger? logger = null)
    {
        var list = engines.ToList();
        candidates = _ => list;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Every engine that can translate <paramref name="from"/> into <paramref name="to"/> now, best first, with its route.</summary>
    public IReadOnlyList<EngineChoice> Candidates(string from, string to = "en")
    {
        if (string.IsNullOrWhiteSpace(from)) return [];
        var language = from.Trim().ToLowerInvariant();
        return candidates(language)
            .Select(engine => (Engine: engine, Route: engine.RouteFor(language, to)))
            .Where(c => c.Route is not null)
            .Select(c => new EngineChoice(c.Engine, c.Route!))
            .ToList();
    }

    /// <summary>
    /// The engine to translate with: the only candidate, or a <see cref="FallbackTranslationEngine"/> over all of
    /// them whose route is the first one's. Null when none can.
    /// </summary>
    public EngineChoice? Select(string from, string to = "en")
    {
        var choices = Candidates(from, to);
        return choices.Count switch
        {
            0 => null,
            1 => choices[0],
            _ => new EngineChoice(new FallbackTranslationEngine([.. choices.Select(c => c.Engine)], logger), choices[0].Route),
        };
    }
}
