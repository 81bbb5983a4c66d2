using ForeignDesk.Core;

namespace ForeignDesk.Discover.Categories;

/// <summary>
/// The classifier trained from the stored translated articles whose section (or URL) gives their category; trained on
/// first use and again once <see cref="RetrainAfter"/> has passed.
/// </summary>
public sealed class CategoryModel(ICategoryStore store, CategoryMapper mapper, TimeProvider time)
{
    public static readonly TimeSpan RetrainAfter = TimeSpan.FromHours(1);
    public const int MaxExamples = 5000;

    /// <summary>Fewer labelled examples than this, or fewer than two categories, and the model does not guess.</summary>
    public const int MinExamples = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NaiveBayesClassifier? _model;
    private DateTimeOffset _trainedAt;
    private long _trainedOn;

    /// <summary>
    /// The current model, or null while there are too few labelled articles to learn from. Trained again after
    /// <see cref="RetrainAfter"/>, or at once when the section table was edited (its labels changed).
    /// </summary>
    public Task<NaiveBayesClassifier?> GetAsync(CancellationToken cancellationToken) => ModelAsync(force: false, cancellationToken);

    /// <summary>A model trained now from the stored articles and the current section table.</summary>
    public Task<NaiveBayesClassifier?> RetrainAsync(CancellationToken cancellationToken) => ModelAsync(force: true, cancellationToken);

    private async Task<NaiveBayesClassifier?> ModelAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var version = mapper.Sections.Version;
            if (force || _model is null || now - _trainedAt >= RetrainAfter || version != _trainedOn)
            {
                var examples = await store.CategoryExamplesAsync(MaxExamples, cancellationToken);
                _model = NaiveBayesClassifier.Train(examples
                    .Select(e => (e.EnglishText, Choice: mapper.FromOutlet(e.Section, e.Url)))
                    .Where(e => e.Choice is not null)
                    .Select(e => (e.EnglishText, e.Choice!.Category)));
                _trainedAt = now;
                _trainedOn = version;
            }
            return _model.Examples >= MinExamples && _model.Categories.Count >= 2 ? _model : null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
