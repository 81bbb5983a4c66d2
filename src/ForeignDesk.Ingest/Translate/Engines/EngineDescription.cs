namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>A configured engine as <c>foreigndesk engines</c> shows it. Never carries the key.</summary>
/// <param name="Languages">Source languages from configuration, or "*".</param>
/// <param name="Problem">Why it cannot be used now, or null.</param>
/// <param name="CharactersLeftToday">What remains of the daily budget, or null when there is none.</param>
public sealed record EngineDescription(
    string Name,
    EngineType Type,
    string Endpoint,
    IReadOnlyList<string> Languages,
    string? Problem,
    long? CharactersLeftToday);
