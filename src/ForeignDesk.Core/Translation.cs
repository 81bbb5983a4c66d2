namespace ForeignDesk.Core;

public enum SegmentFormat { Text, Html }

/// <summary>Segments to translate; each segment is one unit (a paragraph, a title, a line) and maps to one result.</summary>
public sealed record TranslationRequest(string From, string To, IReadOnlyList<string> Segments, SegmentFormat Format)
{
    /// <summary>
    /// True when the <see cref="SegmentFormat.Text"/> segments are the consecutive lines of one plain-text document
    /// (the <c>translate</c> command): an engine may read them as it reads a text file, one line flowing into the
    /// next, instead of ending every line as a sentence. False for units that stand alone (titles, paragraphs).
    /// Each line still maps to one result.
    /// </summary>
    public bool LinesOfOneText { get; init; }
}

/// <param name="Route">The chain of languages used, for example "fr→es→en".</param>
/// <param name="UnknownWordShare">Share of source words the engine did not know (0..1).</param>
public sealed record TranslationResult(IReadOnlyList<string> Segments, string Engine, string Route, double UnknownWordShare)
{
    /// <summary>What answered, as a reader can check it: Apertium's pair packages and their versions, a model, an API version.</summary>
    public string? EngineVersion { get; init; }
}

/// <summary>An English rendering of an article; paragraphs map one-to-one to the source paragraphs.</summary>
/// <param name="LengthRatio">Characters of translated text per character of source text (0 when not measured).</param>
public sealed record TranslatedArticle(
    string Title,
    string? Teaser,
    IReadOnlyList<Paragraph> Paragraphs,
    string? ImageCaption,
    string Engine,
    string Route,
    double UnknownWordShare,
    double LengthRatio = 0)
{
    /// <summary>
    /// English captions of the body images, one per <see cref="ExtractedArticle.Images"/> entry in the same order
    /// (null where the image has no caption); empty for translations made before body images were kept.
    /// </summary>
    public IReadOnlyList<string?> ImageCaptions { get; init; } = [];

    /// <summary>The engine's version (<see cref="TranslationResult.EngineVersion"/>); null when unknown (older translations, the memory alone).</summary>
    public string? EngineVersion { get; init; }

    /// <summary>When this translation was stored; null for translations stored before this was recorded.</summary>
    public DateTimeOffset? TranslatedUtc { get; init; }

    /// <summary>
    /// The paragraphs whose translation failed a <see cref="TranslationChecks"/> check, worked out when it was made (the
    /// page only reads them); empty when none failed, and for translations made before the checks.
    /// </summary>
    public IReadOnlyList<ParagraphCheck> Checks { get; init; } = [];
}

public interface ITranslationEngine
{
    string Name { get; }

    /// <summary>The route this engine takes from <paramref name="from"/> to <paramref name="to"/>, or null if it cannot.</summary>
    string? RouteFor(string from, string to);

    /// <summary>
    /// What would translate <paramref name="from"/> into <paramref name="to"/>, as an article's provenance shows it (see
    /// <see cref="TranslationResult.EngineVersion"/>): for a translation answered from memory alone. Null when unknown.
    /// </summary>
    string? VersionFor(string from, string to) => null;

    Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken);
}

public sealed class TranslationException(string message, Exception? inner = null) : Exception(message, inner);
