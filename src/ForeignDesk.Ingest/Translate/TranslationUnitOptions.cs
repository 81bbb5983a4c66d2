namespace ForeignDesk.Ingest.Translate;

/// <summary>How units reach an engine: memory, glossary and unit size (section <c>Translate:Units</c>).</summary>
public sealed class TranslationUnitOptions
{
    public const string Section = "Translate:Units";

    /// <summary>Whether translated units are kept in, and taken from, the translation memory.</summary>
    /// <value>Defaults to true.</value>
    public bool UseMemory { get; set; } = true;

    /// <summary>The glossary file (tab-separated; see <see cref="GlossaryFile"/>).</summary>
    /// <value>Defaults to <c>glossary.tsv</c> in the data folder.</value>
    public string GlossaryFile { get; set; } = "";

    /// <summary>Longest unit, in characters, sent to an engine whole; longer ones are cut into sentences.</summary>
    /// <value>Defaults to 5000.</value>
    public int MaxUnitChars { get; set; } = 5000;

    /// <summary>Per-engine overrides of <see cref="MaxUnitChars"/>, by engine name.</summary>
    /// <value>Defaults to 16000 for apertium (one request's batch).</value>
    public Dictionary<string, int> MaxUnitCharsByEngine { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["apertium"] = 16_000 };

    public int MaxCharsFor(string engine) =>
        MaxUnitCharsByEngine.TryGetValue(engine, out var max) && max > 0 ? max : MaxUnitChars;
}
