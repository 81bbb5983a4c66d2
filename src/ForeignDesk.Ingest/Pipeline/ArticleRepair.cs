using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>What a repair pass completed.</summary>
public sealed record RepairReport(int Translated, int Placed, int Failed)
{
    public override string ToString() => $"repaired: translated {Translated} placed {Placed} failed {Failed}";
}

/// <summary>
/// Completes the articles a stop left between two states: stored but untranslated while an engine now translates
/// their language, and translated (or awaiting an engine) but placed in no story. The pipeline runs it when it starts,
/// and <c>reprocess</c> after its work; running it twice changes nothing the second time.
/// </summary>
public sealed class ArticleRepair(
    IArticleStore store,
    IStoryStore stories,
    StoryClusterer clusterer,
    TranslationStage translation,
    ILogger<ArticleRepair> log)
{
    /// <summary>
    /// Most untranslated articles one repair looks at, newest first: a stop leaves only the few that were in hand, and
    /// every pass retries the newest untranslated ones anyway.
    /// </summary>
    public const int UntranslatedBatch = 1_000;

    /// <summary>Most unplaced articles one repair places.</summary>
    public const int UnplacedBatch = 100_000;

    public async Task<RepairReport> RunAsync(CancellationToken cancellationToken)
    {
        int translated = 0, placed = 0, failed = 0;
        foreach (var id in await store.UntranslatedAsync(UntranslatedBatch, cancellationToken))
        {
            try
            {
                if (await store.GetArticleAsync(id, cancellationToken) is not { State: ArticleState.Extracted } article) continue;
                if (await translation.TranslateAsync(article, cancellationToken) == ArticleState.Translated) translated++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failed++;
                log.LogError(ex, "Repair could not translate article {ArticleId}", id);
            }
        }

        // Translating placed the articles above; what is left was translated (or set aside) before a stop.
        foreach (var id in await stories.UnplacedAsync(UnplacedBatch, cancellationToken))
        {
            try
            {
                if (await store.GetArticleAsync(id, cancellationToken) is not { } article) continue;
                await clusterer.PlaceAsync(article, cancellationToken);
                placed++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failed++;
                log.LogError(ex, "Repair could not place article {ArticleId} in a story", id);
            }
        }

        var report = new RepairReport(translated, placed, failed);
        if (translated + placed + failed > 0) log.LogInformation("Articles left between states: {Report}", report);
        return report;
    }
}
