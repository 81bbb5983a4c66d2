using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>
/// Queues a glossary change's articles for translation again without looking for them in the request: one durable
/// <c>glossary-scan</c> job per change (<see cref="GlossaryScanStage"/>), which a worker runs to find the articles the
/// change touches and queue a <c>retranslate</c> job for each. The post answers at once whatever the store's size, and
/// a restart loses nothing: the change is in the store before the post answers.
/// </summary>
internal sealed class GlossaryRetranslation(IJobQueue jobs, TimeProvider time, ILogger<GlossaryRetranslation> log)
{
    /// <summary>Queues the scans of changes about to be written, pending (<see cref="GlossaryScanStage.PendingJobsOf"/>).</summary>
    public Task ExpectAsync(IReadOnlyCollection<GlossaryChange> changes, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(GlossaryScanStage.PendingJobsOf(changes, time.GetUtcNow()), cancellationToken);

    /// <summary>What the last change queued, for the glossary page.</summary>
    public string? LastOutcome { get; private set; }

    /// <summary>Queues the scans of changes written (bringing their pending jobs forward), to run now.</summary>
    public async Task QueueAsync(IReadOnlyCollection<GlossaryChange> changes, CancellationToken cancellationToken)
    {
        await jobs.EnqueueAsync(changes.Select(change => GlossaryScanStage.JobOf(change)).ToList(), cancellationToken);
        var terms = string.Join(", ", changes.Select(c => $"{string.Join(", ", c.Terms)} ({c.Language})"));
        LastOutcome = $"{terms}: the articles it touches are being found and queued to be translated again";
        log.LogInformation("Glossary change queued {Count} scans for the articles it touches", changes.Count);
    }
}
