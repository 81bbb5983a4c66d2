namespace ForeignDesk.Core;

/// <summary>
/// How a source's languages are written where sources are defined (<c>sources add --language</c>, OPML's
/// <c>language</c> attribute, the store): one ISO 639-1 code ("es"), several separated by commas or spaces
/// ("es,ca"), or "auto" (or nothing) to detect each article's language.
/// </summary>
public static class SourceLanguages
{
    public const string Auto = "auto";

    /// <summary>The codes, lower-case, each once, in the order given; empty for "auto" or nothing.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToLowerInvariant())
            .Where(code => code != Auto)
            .Distinct()
            .ToList();

    /// <summary>The form stored and shown: codes joined by commas, or null for "auto".</summary>
    public static string? Normalize(string? text) => Parse(text) is { Count: > 0 } codes ? string.Join(",", codes) : null;
}
