namespace ForeignDesk.Ingest.Translate;

/// <summary>A language an engine can translate now, and how.</summary>
/// <param name="From">Source language, ISO 639-1.</param>
/// <param name="To">Target language, ISO 639-1.</param>
/// <param name="Route">The chain of languages, for example "fr→es→en".</param>
public sealed record EngineRoute(string From, string To, string Route);
