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
    IReadOnlyList<string> Breadcrumb)
{
    public static readonly JsonLdFacts None = new(null, null, null, [], null, null, null, null, null, null, [], null, []);
}
