using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Detect;

/// <summary>The language an article is handled in, and whether it differs from its source's configured languages.</summary>
/// <param name="DetectedOther">The article was confidently detected in a language the source does not list.</param>
public sealed record ArticleLanguageChoice(string Language, bool DetectedOther);

/// <summary>
/// Decides the language an article is translated from (or awaits an engine for). A source set to "auto" takes the
/// detected language. A source with configured languages takes the detected one when it is among them (the first of
/// them when detection is unsure); a confident detection of another language wins over the configuration, so that a
/// German article of a Spanish outlet never goes through the Spanish engine. Detection never overrules a configured
/// language that the detector cannot name (Galician is read as Portuguese or Spanish), nor a variety of the
/// same language (Croatian, Bosnian and Serbian).
/// </summary>
public sealed class ArticleLanguage(ILanguageDetector detector)
{
    /// <summary>Relative confidence of the detector's best guess from which it overrules the configuration.</summary>
    public const double ConfidentAt = 0.9;

    /// <summary>Fewer letters than this never overrule the configuration: a headline alone is too little to tell.</summary>
    public const int MinimumLetters = 120;

    /// <summary>Languages written so alike that the configured one is kept whichever of them the detector names.</summary>
    private static readonly string[][] Varieties = [["hr", "bs", "sr", "sh"]];

    public ArticleLanguageChoice Choose(Source source, string text, string? declared)
    {
        var guess = detector.Detect(text);
        var configured = source.Languages;
        if (configured.Count == 0) return new ArticleLanguageChoice(guess.Language ?? declared ?? "und", false);
        if (guess.Language is not { } detected) return new ArticleLanguageChoice(configured[0], false);

        var listed = configured.FirstOrDefault(language => language == detected || SameLanguage(language, detected));
        if (listed is not null) return new ArticleLanguageChoice(listed, false);

        var confident = guess.Confidence >= ConfidentAt
            && text.Count(char.IsLetter) >= MinimumLetters
            && configured.All(detector.Recognizes);
        return confident ? new ArticleLanguageChoice(detected, true) : new ArticleLanguageChoice(configured[0], false);
    }

    private static bool SameLanguage(string a, string b) => Varieties.Any(group => group.Contains(a) && group.Contains(b));
}
