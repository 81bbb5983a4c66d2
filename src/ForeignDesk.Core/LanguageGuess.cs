namespace ForeignDesk.Core;

/// <param name="Language">ISO 639-1 code, or null when the text is too short or unclear.</param>
public sealed record LanguageGuess(string? Language, double Confidence);

public interface ILanguageDetector
{
    LanguageGuess Detect(string text);

    /// <summary>Whether <paramref name="language"/> (ISO 639-1) is one this detector can name.</summary>
    bool Recognizes(string language);
}
