using ForeignDesk.Core;

namespace ForeignDesk.Discover.Categories;

/// <summary>
/// Files stored articles again after the section table was edited: the current table first (section, then URL path),
/// else a freshly trained classifier on the English text when it is confident, else the outlet's default; the same
/// order the pipeline follows for a new article. Works in batches; a dry run only counts.
/// </summary>
public sealed class CategoryReclassifier(ICategoryStore store, IArticleStore articles, CategoryMapper mapper, CategoryModel model)
{
    public const int BatchSize = 500;

    public Task<ReclassifyReport> RunAsync(CategoryScan scan, bool dryRun, CancellationToken cancellationToken) =>
        RunAsync(scan, dryRun, WorkProgress.None, cancellationToken);

    /// <param name="progress">Counts the articles scanned.</param>
    public async Task<ReclassifyReport> RunAsync(CategoryScan scan, bool dryRun, IWorkProgress progress, CancellationToken cancellationToken)
    {
        var defaults = (await articles.ListSourcesAsync(cancellationToken)).ToDictionary(s => s.Id, s => mapper.SourceDefault(s.Category));
        var classifier = await model.RetrainAsync(cancellationToken);
        var moves = new Dictionary<(string From, string To), int>();
        int scanned = 0, changed = 0;
        long after = 0;
        using var counted = progress.Start("articles");
        while (true)
        {
            var batch = await store.ArticlesForCategoriesAsync(scan, after, BatchSize, cancellationToken);
            if (batch.Count == 0) break;
            after = batch[^1].ArticleId;
            scanned += batch.Count;
            var changes = new List<CategoryChange>();
            foreach (var article in batch)
            {
                var category = Decide(article, classifier, defaults);
                if (category != article.Category) changes.Add(new CategoryChange(article.ArticleId, article.Category, category));
            }
            foreach (var change in changes) moves[(change.From, change.To)] = moves.GetValueOrDefault((change.From, change.To)) + 1;
            changed += dryRun ? changes.Count : await store.ChangeCategoriesAsync(changes, cancellationToken);
            counted.Add(batch.Count);
        }
        return new ReclassifyReport(scanned, changed, dryRun,
            moves.OrderByDescending(m => m.Value).ThenBy(m => m.Key.From, StringComparer.Ordinal).ThenBy(m => m.Key.To, StringComparer.Ordinal)
                .Select(m => new CategoryMove(m.Key.From, m.Key.To, m.Value)).ToList());
    }

    private string Decide(CategorizedArticle article, NaiveBayesClassifier? classifier, Dictionary<long, string> defaults)
    {
        if (mapper.FromOutlet(article.Section, article.Url) is { } fromOutlet) return fromOutlet.Category;
        if (article.EnglishText is { } text && classifier?.Predict(text) is { Probability: >= ArticleCategorizer.MinConfidence } guess)
            return guess.Category;
        return defaults.TryGetValue(article.SourceId, out var fallback) ? fallback : article.Category;
    }
}
