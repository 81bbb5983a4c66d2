using ForeignDesk.Core;

namespace ForeignDesk.Discover.Categories;

/// <summary>
/// After translation, files an article whose outlet gave no usable section by what its English text is about,
/// when the classifier is confident; otherwise it keeps the outlet's default category.
/// </summary>
public sealed class ArticleCategorizer(CategoryMapper mapper, CategoryModel model, ICategoryStore store)
{
    /// <summary>The posterior probability below which the classifier's guess is not used.</summary>
    public const double MinConfidence = 0.6;

    /// <returns>The category the article has afterwards and what decided it.</returns>
    public async Task<CategoryChoice> CategorizeAsync(StoredArticle article, TranslatedArticle translation, CancellationToken cancellationToken)
    {
        if (mapper.FromOutlet(article.Original.Section, article.Url) is { } fromOutlet)
        {
            if (fromOutlet.Category != article.Category) await store.SetCategoryAsync(article.Id, fromOutlet.Category, cancellationToken);
            return fromOutlet;
        }

        var text = string.Join('\n', [translation.Title, translation.Teaser, .. translation.Paragraphs.Select(p => p.Text)]);
        if (await model.GetAsync(cancellationToken) is { } classifier
            && classifier.Predict(text) is { Probability: >= MinConfidence } guess)
        {
            if (guess.Category != article.Category) await store.SetCategoryAsync(article.Id, guess.Category, cancellationToken);
            return new CategoryChoice(guess.Category, CategoryBasis.Classifier);
        }
        return new CategoryChoice(article.Category, CategoryBasis.SourceDefault);
    }
}
