using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// The <c>place</c> job: an article the store records as translated (or awaiting an engine) is filed under a category
/// by its English text and placed in a story, with its "You may like" list ranked. Placing an article again puts it in
/// the same story, so the job may run twice. Only the process holding the <see cref="Leadership.Clusterer"/> role runs it.
/// </summary>
public sealed class StoryPlacementStage(
    IArticleStore store,
    StoryClusterer clusterer,
    ILogger<StoryPlacementStage> log,
    ArticleCategorizer? categorizer = null) : IJobHandler
{
    public string Kind => JobKinds.Place;

    /// <summary>One process at a time places articles: the story index lives in its memory.</summary>
    public string? Role => Leadership.Clusterer;

    /// <summary>A process that takes the role rebuilds its index from the stored features, as another clusterer left them.</summary>
    public Task RoleTakenAsync(CancellationToken cancellationToken) => clusterer.ForgetAsync(cancellationToken);

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        if (!long.TryParse(job.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            throw new FormatException($"a place job's key is an article id, not '{job.Key}'");
        if (await store.GetArticleAsync(id, cancellationToken) is not { } article)
        {
            log.LogInformation("Article {ArticleId} is gone; nothing to place", id);
            return;
        }
        if (article.State == ArticleState.Extracted)
        {
            // Not yet translated: its translate job enqueues this one again once it is.
            log.LogInformation("Article {ArticleId} is not translated yet; it is placed once it is", id);
            return;
        }

        await PlaceAsync(article, cancellationToken);
    }

    /// <summary>Files and places one translated (or engine-less) article.</summary>
    public async Task<StoryDecision> PlaceAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        if (categorizer is not null && article.Translation is { } translation)
            await categorizer.CategorizeAsync(article, translation, cancellationToken);
        return await clusterer.PlaceAsync(article, cancellationToken);
    }
}
