using ForeignDesk.Core;
using Lingua;
using static Lingua.Language;

namespace ForeignDesk.Ingest.Detect;

/// <summary>
/// Lingua restricted to the languages of the news ForeignDesk follows. Building it loads its models,
/// which is slow, so one instance serves the whole process.
/// </summary>
public sealed class LinguaLanguageDetector : ILanguageDetector
{
    /// <summary>Below this many letters a guess is not worth making.</summary>
    private const int MinimumLetters = 12;

    /// <summary>
    /// The characters of a text that are read: a title and a paragraph or two, several times the 120 characters from
    /// which Lingua is as sure as it gets. Its cost grows with the length read, and it was the largest part of an
    /// article's ingest on 2 000 characters.
    /// </summary>
    private const int SampleLength = 600;

    private static readonly Language[] NewsLanguages =
    [
        English, Spanish, Catalan, French, Portuguese, Italian, Romanian, German, Dutch, Polish, Russian, Ukrainian,
        Turkish, Arabic, Persian, Hebrew, Basque, Croatian, Bosnian, Serbian, Icelandic, Macedonian, Esperanto,
        Bulgarian, Slovene, Chinese, Japanese, Korean, Hindi, Greek, Czech, Swedish, Danish, Hungarian,
    ];

    private static readonly HashSet<string> NewsLanguageCodes =
        NewsLanguages.Select(l => l.IsoCode6391().ToString().ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Trigrams only, at every length. From 120 characters on Lingua reads trigrams alone in either mode, so the answers
    /// are the same; on a shorter text its high-accuracy mode loads the one- to five-gram models of every language the
    /// text's letters allow: about 800 MB and ten seconds of CPU the first time, held for the process's life, for a
    /// text that cannot overrule a source's languages anyway (<see cref="ArticleLanguage.MinimumLetters"/>).
    /// </summary>
    private readonly LanguageDetector _detector = LanguageDetectorBuilder
        .FromLanguages(NewsLanguages)
        .WithMinimumRelativeDistance(0.05)
        .WithLowAccuracyMode()
        .Build();

    /// <summary>
    /// Texts whose letters every language of their script uses: Lingua loads the models of every language a first text's
    /// letters allow, so these load the Latin-script and Cyrillic-script languages' models.
    /// </summary>
    private static readonly string[] ScriptSamples = ["The government on Tuesday announced a new plan for the big cities", "Прогноза погода на град Москва"];

    /// <summary>Loads now the models that a first Latin-script and a first Cyrillic-script text would load.</summary>
    public void LoadModels()
    {
        foreach (var sample in ScriptSamples) _detector.ComputeLanguageConfidenceValues(sample);
    }

    public LanguageGuess Detect(string text)
    {
        if (text.Count(char.IsLetter) < MinimumLetters) return new LanguageGuess(null, 0);
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        var best = _detector.ComputeLanguageConfidenceValues(sample).FirstOrDefault();
        if (best.Key == Unknown || best.Value <= 0) return new LanguageGuess(null, 0);
        return new LanguageGuess(best.Key.IsoCode6391().ToString().ToLowerInvariant(), best.Value);
    }

    public bool Recognizes(string language) => NewsLanguageCodes.Contains(language);
}
