using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>The engine chosen for a language, and the route it will take.</summary>
public sealed record EngineChoice(ITranslationEngine Engine, string Route);
