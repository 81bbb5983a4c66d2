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
/// <param name="Published">
/// Publication instant with the offset the page gave; a time written without one is read in a zone as
/// <see cref="PublishedZone"/> says.
/// </param>
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

    /// <summary>Where the offset of <see cref="Published"/> came from (stored only when the page did not write it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeZoneBasis PublishedZone { get; init; }

    /// <summary>Where the offset of <see cref="Modified"/> came from (stored only when the page did not write it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeZoneBasis ModifiedZone { get; init; }

    /// <summary>
    /// The article with the times its page wrote without an offset read again in <paramref name="zone"/>, where that is
    /// better known than their present zone: the source's configured zone (<see cref="TimeZoneBasis.Source"/>) over
    /// one inferred from the page or none; an offset the outlet's feed gave (<see cref="TimeZoneBasis.Page"/>) only over
    /// none. The clock time stays as written.
    /// </summary>
    public ExtractedArticle InZone(TimeZoneInfo zone, TimeZoneBasis basis)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var (published, publishedZone) = Reread(Published, PublishedZone, zone, basis);
        var (modified, modifiedZone) = Reread(Modified, ModifiedZone, zone, basis);
        return this with { Published = published, PublishedZone = publishedZone, Modified = modified, ModifiedZone = modifiedZone };
    }

    /// <summary>A time read again when its zone is less known than <paramref name="basis"/> (the enum runs from best to least known).</summary>
    private static (DateTimeOffset?, TimeZoneBasis) Reread(DateTimeOffset? value, TimeZoneBasis current, TimeZoneInfo zone, TimeZoneBasis basis) =>
        value is { } written && current > basis && basis != TimeZoneBasis.Written
            ? (TimeZones.ReadClock(written.DateTime, zone), basis)
            : (value, current);
    /// <summary>What the outlet's page asks of those who show it (stored only when it asks anything).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PublisherDirectives Robots { get; init; }

    /// <summary>The body as plain text, paragraphs separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Paragraphs.Select(p => p.Text));
}

/// <summary>Where the offset of a time an article page gives came from, from the best known to the least.</summary>
public enum TimeZoneBasis
{
    /// <summary>The page wrote it with the time (or the time is relative to the fetch: "2 hours ago").</summary>
    Written,

    /// <summary>The time was written without one and read in the source's configured zone.</summary>
    Source,

    /// <summary>
    /// The time was written without one and read in the zone the outlet shows: an offset the page's other times give,
    /// the one zone of the country its locale names, or the offset its feed gave the item.
    /// </summary>
    Page,

    /// <summary>The time was written without one and nothing tells the zone: it is read as UTC, possibly hours off.</summary>
    Unknown,
}

/// <summary>Why an article page gave no article.</summary>
public enum ExtractFailure { NotHtml, NoArticleBody, Empty }

public sealed record ExtractOutcome(ExtractedArticle? Article, ExtractFailure? Failure, string? Message)
{
    public static ExtractOutcome Success(ExtractedArticle article) => new(article, null, null);
    public static ExtractOutcome Failed(ExtractFailure failure, string message) => new(null, failure, message);
}
