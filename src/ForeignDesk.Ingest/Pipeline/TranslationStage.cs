using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Telemetry;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The <c>translate</c> job: moves a stored article from extracted to translated, or to awaiting an engine for its
/// language, then enqueues its placement in a story. An article the store already records as translated is not
/// translated again, nor placed again once a story holds it, so the job may run twice.
/// </summary>
public sealed class TranslationStage(
    IArticleStore store,
    IStoryStore stories,
    IJobQueue jobs,
    EngineSelector engines,
    ArticleTranslator translator,
    TimeProvider time,
    ILogger<TranslationStage> log,
    IngestMetrics? metrics = null) : IJobHandler
{
    public const string TargetLanguage = "en";

    public string Kind => JobKinds.Translate;

    public static JobRequest JobOf(long articleId) => new(JobKinds.Translate, articleId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The job that files an article and places it in a story.</summary>
    public static JobRequest PlacementOf(long articleId) => new(JobKinds.Place, articleId.ToString(CultureInfo.InvariantCulture));

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        var id = ArticleIdOf(job);
        if (await store.GetArticleAsync(id, cancellationToken) is not { } article) return;
        var state = article.State == ArticleState.Translated ? article.State : await TranslateAsync(article, cancellationToken);
        if (state == ArticleState.Translated && article.State != ArticleState.Translated) IngestReport.Current?.ArticleTranslated();
        else if (state == ArticleState.AwaitingEngine && article.State != ArticleState.AwaitingEngine) IngestReport.Current?.ArticleAwaitingEngine();
        // Placed again when its text changed; an article still awaiting an engine, or translated before a stop, only
        // when no story holds it yet.
        if (state != article.State || await stories.StoryOfAsync(id, cancellationToken) is null)
            await jobs.EnqueueAsync([PlacementOf(id)], cancellationToken);
    }

    /// <summary>The article id a job of an article (translate, retranslate, place) is keyed by.</summary>
    /// <exception cref="FormatException">The key is not an article id; the job fails.</exception>
    public static long ArticleIdOf(LeasedJob job) =>
        long.TryParse(job.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FormatException($"a {job.Kind} job's key is an article id, not '{job.Key}'");

    /// <returns>The state the article is in afterwards.</returns>
    /// <exception cref="TranslationException">The engine failed (recorded on the source); the job is retried.</exception>
    public async Task<ArticleState> TranslateAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        if (article.Language == TargetLanguage)
        {
            var original = article.Original;
            var english = new TranslatedArticle(original.Title, original.Teaser, original.Paragraphs, original.Image?.Caption, "none", "en", 0);
            await store.SaveTranslationAsync(article.Id, english, time.GetUtcNow(), cancellationToken);
            return ArticleState.Translated;
        }

        if (article.Original.Robots.HasFlag(PublisherDirectives.NoTranslate))
        {
            // The outlet asks for no translation: its text goes to no engine, and the site shows the original title and a link.
            if (article.State != ArticleState.AwaitingEngine) await store.MarkAwaitingEngineAsync(article.Id, cancellationToken);
            log.LogInformation("Article {ArticleId} asks not to be translated (notranslate); it is not", article.Id);
            return ArticleState.AwaitingEngine;
        }

        var choice = engines.Select(article.Language, TargetLanguage);
        if (choice is null)
        {
            if (article.State != ArticleState.AwaitingEngine) await store.MarkAwaitingEngineAsync(article.Id, cancellationToken);
            log.LogInformation("No engine translates {Language}; article {ArticleId} awaits one", article.Language, article.Id);
            return ArticleState.AwaitingEngine;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var translation = await translator.TranslateAsync(article.Original, article.Language, article.SourceSlug, choice.Engine, cancellationToken);
            metrics?.Translated(IngestMetrics.Since(started), choice.Engine.Name, succeeded: true);
            await store.SaveTranslationAsync(article.Id, translation, time.GetUtcNow(), cancellationToken);
            log.LogInformation("Translated article {ArticleId} with {Engine}", article.Id, choice.Engine.Name);
            return ArticleState.Translated;
        }
        catch (Exception ex) when (ex is TranslationException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of the engine but a stop (a timeout's cancellation, a protocol bug) leaves the article
            // untranslated and recorded; the job fails, so it is retried after its backoff (or by the next pass).
            metrics?.Translated(IngestMetrics.Since(started), choice.Engine.Name, succeeded: false);
            metrics?.SourceError(article.SourceSlug, "translate");
            log.LogWarning(ex, "Engine {Engine} failed on article {ArticleId}; it stays untranslated and is retried", choice.Engine.Name, article.Id);
            await store.RecordProblemAsync(new FetchProblem(article.SourceId, article.Url, "translate", ex.Message, time.GetUtcNow()), cancellationToken);
            throw new TranslationException($"engine {choice.Engine.Name} failed on article {article.Id}: {ex.Message}", ex);
        }
    }
}
