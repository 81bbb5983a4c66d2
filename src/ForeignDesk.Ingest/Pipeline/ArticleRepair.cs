using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>What a repair pass enqueued.</summary>
public sealed record RepairReport(int Translations, int Placements)
{
    public override string ToString() => $"repair enqueued: translate {Translations} place {Placements}";
}

/// <summary>
/// Gives the articles a stop left between two states their next job again, by the state the store records: stored
/// but untranslated → translate; translated (or awaiting an engine) but placed in no story → place. A process that
/// runs the pipeline does this when it starts, and <c>reprocess</c> after its work; the jobs are keyed by article, so
/// running it twice enqueues nothing more.
/// </summary>
public sealed class ArticleRepair(IArticleStore store, IStoryStore stories, IJobQueue jobs, ILogger<ArticleRepair> log)
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
        var untranslated = new List<JobRequest>();
        foreach (var id in await store.UntranslatedAsync(UntranslatedBatch, cancellationToken))
        {
            if (await store.GetArticleAsync(id, cancellationToken) is { State: ArticleState.Extracted })
                untranslated.Add(TranslationStage.JobOf(id));
        }
        await jobs.EnqueueAsync(untranslated, cancellationToken);

        var unplaced = (await stories.UnplacedAsync(UnplacedBatch, cancellationToken)).Select(TranslationStage.PlacementOf).ToList();
        await jobs.EnqueueAsync(unplaced, cancellationToken);

        var report = new RepairReport(untranslated.Count, unplaced.Count);
        if (untranslated.Count + unplaced.Count > 0) log.LogInformation("Articles left between states: {Report}", report);
        return report;
    }
}
