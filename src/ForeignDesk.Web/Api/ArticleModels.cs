using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Api;

/// <summary>An article in a list.</summary>
/// <param name="Title">The English title when translated, else the original one.</param>
/// <param name="Language">ISO 639 code of the original language.</param>
/// <param name="Translated">Whether the article has been translated into English.</param>
/// <param name="Url">The article's page on this site.</param>
/// <param name="ApiUrl">The article with its text, original and provenance.</param>
internal sealed record ArticleLine(
    long Id, string Title, string? Teaser, string Category, DateTimeOffset PublishedUtc, string Source, string Language,
    bool Translated, string Url, string ApiUrl)
{
    public static ArticleLine Of(ArticleSummary a) =>
        new(a.Id, a.Title, a.Teaser, a.Category, a.PublishedUtc, a.SourceName, a.Language, a.State == ArticleState.Translated,
            Paths.Article(a.Id, a.Title), ApiPaths.Article(a.Id));
}

/// <summary>One page of articles, newest first.</summary>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null at the end. A page may hold fewer articles than
/// asked (even none) and still have a next one, when a rare filter matched little of what one page reads.</param>
/// <param name="Next">The next page's address; null at the end.</param>
internal sealed record ArticleLinePage(IReadOnlyList<ArticleLine> Items, string? NextCursor, string? Next);

/// <summary>A block of an article's body.</summary>
/// <param name="Kind">p, h2, h3, h4, blockquote, ul or ol.</param>
/// <param name="Html">Sanitized inline HTML (a, em, strong, b, i, br; li in lists).</param>
/// <param name="Text">The same block as plain text.</param>
internal sealed record ParagraphBody(string Kind, string Html, string Text)
{
    public static IReadOnlyList<ParagraphBody> Of(IReadOnlyList<Paragraph> paragraphs) =>
        paragraphs.Select(p => new ParagraphBody(p.Kind, p.Html, p.Text)).ToList();
}

internal sealed record ImageBody(string Url, string? Caption, string? Credit);

/// <summary>The English translation.</summary>
/// <param name="Engine">The machine-translation engine that made it.</param>
/// <param name="Route">The languages it went through, for example <c>es→en</c>.</param>
/// <param name="UnknownWordShare">Share of the original's words the engine did not know (0 to 1).</param>
internal sealed record TranslationBody(
    string Title, string? Teaser, IReadOnlyList<ParagraphBody> Paragraphs, string? ImageCaption, string Engine, string Route,
    double UnknownWordShare);

/// <summary>The article as the outlet published it, in its language.</summary>
/// <param name="TeaserOnly">Only the outlet's public teaser is kept (the article is behind a paywall).</param>
internal sealed record OriginalBody(
    string Title, string Language, string? Teaser, string? Byline, IReadOnlyList<ParagraphBody> Paragraphs, ImageBody? Image,
    bool TeaserOnly);

/// <summary>Where the article comes from and what was done to it.</summary>
/// <param name="OriginalUrl">The article on the outlet's site (its canonical URL).</param>
/// <param name="PublishedEstimated">The outlet gave no time: <c>publishedUtc</c> is when the article was first seen.</param>
/// <param name="Engine">The engine that translated it; null until translated.</param>
/// <param name="EngineVersion">The engine's version (its language pair's package, or a remote engine's model); null when unknown.</param>
/// <param name="TranslatedUtc">When the translation was stored; null when unknown or not translated.</param>
/// <param name="ContentHash">A hash of the original's content: it changes when the outlet changes the article.</param>
internal sealed record Provenance(
    string OriginalUrl, string Source, string SourceSlug, string SourceApiUrl, DateTimeOffset PublishedUtc, bool PublishedEstimated,
    DateTimeOffset? ModifiedUtc, DateTimeOffset FirstSeenUtc, DateTimeOffset UpdatedUtc, string? Engine, string? EngineVersion, string? Route,
    DateTimeOffset? TranslatedUtc, string ContentHash);

/// <summary>One article: the English text (when translated), the original and its provenance.</summary>
/// <param name="State"><c>translated</c>; <c>extracted</c> (waiting for translation); <c>awaitingEngine</c> (no engine
/// translates its language yet: shown in the original).</param>
/// <param name="StoryId">The story (articles about the same event) it belongs to, when clustering placed it.</param>
/// <param name="HeldBack">Why the text is left out (the source allows a summary or the headline only, or the outlet
/// asks for no translation or no snippet); null when the whole article is given.</param>
internal sealed record ArticleDetail(
    long Id, string Title, string Language, string Category, DateTimeOffset PublishedUtc, string State, string Url,
    TranslationBody? Translation, OriginalBody Original, Provenance Provenance, long? StoryId, string? StoryApiUrl, string? HeldBack);
