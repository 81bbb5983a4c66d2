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
    /// The article with the times its page wrote without an offset (<see cref="TimeZoneBasis.Page"/> or
    /// <see cref="TimeZoneBasis.Unknown"/>) read again in the source's configured zone: the clock time stays as written.
    /// </summary>
    public ExtractedArticle InSourceZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var (published, publishedZone) = Reread(Published, PublishedZone, zone);
        var (modified, modifiedZone) = Reread(Modified, ModifiedZone, zone);
        return this with { Published = published, PublishedZone = publishedZone, Modified = modified, ModifiedZone = modifiedZone };
    }

    private static (DateTimeOffset?, TimeZoneBasis) Reread(DateTimeOffset? value, TimeZoneBasis basis, TimeZoneInfo zone) =>
        value is { } written && basis is TimeZoneBasis.Page or TimeZoneBasis.Unknown
            ? (TimeZones.ReadClock(written.DateTime, zone), TimeZoneBasis.Source)
            : (value, basis);

    /// <summary>The body as plain text, paragraphs separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Paragraphs.Select(p => p.Text));
}

/// <summary>Where the offset of a time an article page gives came from.</summary>
public enum TimeZoneBasis
{
    /// <summary>The page wrote it with the time (or the time is relative to the fetch: "2 hours ago").</summary>
    Written,

    /// <summary>The time was written without one and read in the source's configured zone.</summary>
    Source,

    /// <summary>
    /// The time was written without one and read in the zone the page shows: an offset its other times give, or the
    /// one zone of the country its locale names.
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
