namespace ForeignDesk.Core;

/// <summary>Category upkeep: reclassifying an article, and the labelled examples a classifier learns from.</summary>
public interface ICategoryStore
{
    Task SetCategoryAsync(long articleId, string category, CancellationToken cancellationToken);

    /// <summary>Translated articles, newest first, with the outlet's section and the English text.</summary>
    Task<IReadOnlyList<CategoryExample>> CategoryExamplesAsync(int limit, CancellationToken cancellationToken);
}

/// <param name="Section">The outlet's own section name, if the page gave one.</param>
/// <param name="EnglishText">Title, teaser and body of the translation.</param>
public sealed record CategoryExample(long ArticleId, string? Section, string Url, string EnglishText);
