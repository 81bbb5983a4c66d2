using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Picks the engine for an article's language: the first configured engine, in order of preference, that has a
/// route into the target language. No choice means the article awaits an engine.
/// </summary>
public sealed class EngineSelector(IEnumerable<ITranslationEngine> engines)
{
    private readonly IReadOnlyList<ITranslationEngine> engines = engines.ToList();

    public EngineChoice? Select(string from, string to = "en")
    {
        if (string.IsNullOrWhiteSpace(from)) return null;
        foreach (var engine in engines)
        {
            if (engine.RouteFor(from, to) is { } route) return new EngineChoice(engine, route);
        }
        return null;
    }
}
