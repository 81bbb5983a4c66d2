namespace ForeignDesk.Ingest.Extract;

/// <summary>What the page's JSON-LD says about the article (all optional, raw strings).</summary>
internal sealed record JsonLdFacts(
    string? Headline,
    string? Description,
    string? ArticleBody,
    IReadOnlyList<string> Authors,
    string? Published,
    string? Modified,
    string? Language,
    string? Section,
    string? ImageUrl,
    string? ImageCaption,
    IReadOnlyList<string> Keywords,
    string? PublisherName,
    IReadOnlyList<Crumb> Breadcrumb)
{
    public static readonly JsonLdFacts None = new(null, null, null, [], null, null, null, null, null, null, [], null, []);

    /// <summary>Every schema.org ImageObject on the page that names its URL, with caption and credit when given.</summary>
    public IReadOnlyList<JsonLdImage> Images { get; init; } = [];

    /// <summary>
    /// The authors typed <c>"@type": "Person"</c> in so many words: a person even where the name is also the site's
    /// (a one-person site).
    /// </summary>
    public IReadOnlyList<string> DeclaredPeople { get; init; } = [];

    /// <summary>The authors typed as an organization (an agency, a collective, or the outlet itself), in order.</summary>
    public IReadOnlyList<string> AuthorOrganizations { get; init; } = [];

    /// <summary>The article's <c>dateCreated</c>: a fallback for its publication when nothing names that.</summary>
    public string? Created { get; init; }
}

/// <summary>A JSON-LD ImageObject: its URL (as written), caption and credit (creditText, copyrightHolder or author).</summary>
internal sealed record JsonLdImage(string Url, string? Caption, string? Credit);
