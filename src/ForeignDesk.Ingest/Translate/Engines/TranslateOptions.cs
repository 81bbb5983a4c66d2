namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Which engines exist and which ones translate each language (section <c>Translate</c>).</summary>
public sealed class TranslateOptions
{
    public const string Section = "Translate";

    /// <summary>The name every installation has: the embedded Apertium engine.</summary>
    public const string Apertium = "apertium";

    /// <summary>The routing key that applies to every language without its own entry.</summary>
    public const string AnyLanguage = "*";

    /// <summary>Another name for <see cref="AnyLanguage"/>, for environment variables, which cannot hold "*".</summary>
    public const string DefaultRoute = "default";

    /// <summary>Named engine configurations, for example <c>Translate:Engines:deepl:ApiKey</c>.</summary>
    /// <value>Empty: only the embedded Apertium engine, which is always present as "apertium".</value>
    public Dictionary<string, EngineOptions> Engines { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Source language (ISO 639-1, or "*" or "default" for every other language) to engine names, best first; the next one is tried when one fails.</summary>
    /// <value>Empty: every language goes to "apertium" first, then to each configured engine in name order.</value>
    public Dictionary<string, List<string>> Routing { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
