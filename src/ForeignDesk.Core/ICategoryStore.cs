namespace ForeignDesk.Core;

/// <summary>Category upkeep: reclassifying an article, and the labelled examples a classifier learns from.</summary>
public interface ICategoryStore
{
    Task SetCategoryAsync(long articleId, string category, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> stored articles with ids above <paramref name="afterId"/>, in id order, as <paramref name="scan"/> selects them.</summary>
    Task<IReadOnlyList<CategorizedArticle>> ArticlesForCategoriesAsync(CategoryScan scan, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Applies the changes in one transaction; an article whose category is no longer <c>From</c> is left as it is.</summary>
    /// <returns>How many articles changed.</returns>
    Task<int> ChangeCategoriesAsync(IReadOnlyList<CategoryChange> changes, CancellationToken cancellationToken);

    /// <summary>Translated articles, newest first, with the outlet's section and the English text.</summary>
    Task<IReadOnlyList<CategoryExample>> CategoryExamplesAsync(int limit, CancellationToken cancellationToken);
}

/// <param name="Section">The outlet's own section name, if the page gave one.</param>
/// <param name="EnglishText">Title, teaser and body of the translation.</param>
public sealed record CategoryExample(long ArticleId, string? Section, string Url, string EnglishText);
