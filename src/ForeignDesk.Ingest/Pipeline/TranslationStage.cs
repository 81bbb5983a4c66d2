using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Ingest.Telemetry;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>Moves a stored article from extracted to translated, or to awaiting an engine for its language.</summary>
public sealed class TranslationStage(
    IArticleStore store,
    EngineSelector engines,
    ArticleTranslator translator,
    StoryClusterer stories,
    TimeProvider time,
    ILogger<TranslationStage> log,
    ArticleCategorizer? categorizer = null,
    IngestMetrics? metrics = null)
{
    public const string TargetLanguage = "en";

    /// <returns>The state the article is in afterwards.</returns>
    public async Task<ArticleState> TranslateAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        if (article.Language == TargetLanguage)
        {
            var original = article.Original;
            var english = new TranslatedArticle(original.Title, original.Teaser, original.Paragraphs, original.Image?.Caption, "none", "en", 0);
            await store.SaveTranslationAsync(article.Id, english, time.GetUtcNow(), cancellationToken);
            if (categorizer is not null) await categorizer.CategorizeAsync(article, english, cancellationToken);
            await stories.PlaceAsync(article with { Translation = english, State = ArticleState.Translated }, cancellationToken);
            return ArticleState.Translated;
        }

        var choice = engines.Select(article.Language, TargetLanguage);
        if (choice is null)
        {
            if (article.State != ArticleState.AwaitingEngine)
            {
                await store.MarkAwaitingEngineAsync(article.Id, cancellationToken);
                await stories.PlaceAsync(article with { State = ArticleState.AwaitingEngine }, cancellationToken);
            }
            log.LogInformation("No engine translates {Language}; article {ArticleId} awaits one", article.Language, article.Id);
            return ArticleState.AwaitingEngine;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var translation = await translator.TranslateAsync(article.Original, article.Language, article.SourceSlug, choice.Engine, cancellationToken);
            metrics?.Translated(IngestMetrics.Since(started), choice.Engine.Name, succeeded: true);
            await store.SaveTranslationAsync(article.Id, translation, time.GetUtcNow(), cancellationToken);
            if (categorizer is not null) await categorizer.CategorizeAsync(article, translation, cancellationToken);
            await stories.PlaceAsync(article with { Translation = translation, State = ArticleState.Translated }, cancellationToken);
            return ArticleState.Translated;
        }
        catch (Exception ex) when (ex is TranslationException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of the engine but a stop (a timeout's cancellation, a protocol bug) leaves the article
            // untranslated, recorded, and retried by the next pass.
            metrics?.Translated(IngestMetrics.Since(started), choice.Engine.Name, succeeded: false);
            metrics?.SourceError(article.SourceSlug, "translate");
            log.LogWarning(ex, "Engine {Engine} failed on article {ArticleId}; it stays untranslated and is retried", choice.Engine.Name, article.Id);
            await store.RecordProblemAsync(new FetchProblem(article.SourceId, article.Url, "translate", ex.Message, time.GetUtcNow()), cancellationToken);
            return article.State;
        }
    }
}
