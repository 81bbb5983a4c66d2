using System.Text.Json.Serialization;

namespace ForeignDesk.Core;

/// <summary>One block of an article body.</summary>
/// <param name="Kind">The block element: p, h2, h3, h4, blockquote, ul or ol.</param>
/// <param name="Html">Sanitized inner HTML: inline markup only (a[href], em, strong, b, i, br; li inside lists).</param>
/// <param name="Text">The same block as plain text.</param>
public sealed record Paragraph(string Kind, string Html, string Text);

/// <summary>An image of the article with its caption and credit as the page gives them.</summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Credit">Photographer or agency, without a "Photo:" or "©" label.</param>
public sealed record ArticleImage(string Url, string? Caption, string? Credit)
{
    /// <summary>
    /// For an image inside the body: how many body paragraphs come before it in the reading order; null when its place
    /// is unknown (it is shown after the body). Always null for the lead image.
    /// </summary>
    public int? Position { get; init; }
}

/// <summary>What extraction made of an article page, in the page's language.</summary>
/// <param name="Teaser">The standfirst shown above the body; null when the page has none or its description is just the
/// body's first paragraph (which stays in the body, so the text is not shown twice).</param>
/// <param name="Published">Publication instant with the offset the page gave (UTC when it gave none).</param>
/// <param name="Language">Language the page declares (ISO 639-1), if any.</param>
public sealed record ExtractedArticle(
    string Title,
    string? Teaser,
    IReadOnlyList<Paragraph> Paragraphs,
    string? Byline,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    string? Language,
    string? CanonicalUrl,
    string? Section,
    ArticleImage? Image,
    IReadOnlyList<string> Keywords)
{
    /// <summary>Images inside the body, in document order, without the lead image, icons, logos, pixels and ads.</summary>
    public IReadOnlyList<ArticleImage> Images { get; init; } = [];

    /// <summary>
    /// True when the article is behind a paywall and the body holds only the public teaser the outlet shows everyone
    /// (stored only when true).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TeaserOnly { get; init; }

    /// <summary>What the outlet's page asks of those who show it (stored only when it asks anything).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PublisherDirectives Robots { get; init; }

    /// <summary>The body as plain text, paragraphs separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Paragraphs.Select(p => p.Text));
}

/// <summary>Why an article page gave no article.</summary>
public enum ExtractFailure { NotHtml, NoArticleBody, Empty }

public sealed record ExtractOutcome(ExtractedArticle? Article, ExtractFailure? Failure, string? Message)
{
    public static ExtractOutcome Success(ExtractedArticle article) => new(article, null, null);
    public static ExtractOutcome Failed(ExtractFailure failure, string message) => new(null, failure, message);
}
