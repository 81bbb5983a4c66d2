namespace ForeignDesk.Core;

/// <summary>A stored article as category upkeep sees it.</summary>
/// <param name="Section">The outlet's own section name, if the page gave one.</param>
/// <param name="EnglishText">Title, teaser and body of the translation; null while it has none.</param>
public sealed record CategorizedArticle(long ArticleId, long SourceId, string? Section, string Url, string Category, string? EnglishText);
