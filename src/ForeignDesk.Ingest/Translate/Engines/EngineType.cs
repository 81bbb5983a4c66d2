namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>The protocols ForeignDesk speaks to translation engines.</summary>
public enum EngineType
{
    Apertium,
    LibreTranslate,
    DeepL,
    Google,
    Azure,
    OpenAI,
}
