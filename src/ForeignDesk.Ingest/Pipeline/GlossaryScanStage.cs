using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The <c>glossary-scan</c> job: finds the stored articles a glossary change touches (those in its language, and of
/// its source, whose original text holds one of its terms) and queues each for translation again as one durable
/// <c>retranslate</c> job keyed by the article (<see cref="RetranslationStage"/>). The admin queues this job, so that
/// its post answers at once whatever the store's size; the command line runs it itself (<see cref="RunNowAsync"/>) to
/// say how many it queued. Either queues it pending before writing the file (<see cref="PendingJobsOf"/>). Run twice,
/// it queues the same jobs again, which the queue keeps once each.
/// </summary>
public sealed class GlossaryScanStage(IArticleStore store, IJobQueue jobs, ILogger<GlossaryScanStage> log, IArchiveIndex? archive = null) : IJobHandler
{
    /// <summary>Articles read from a list at a time, and touched ones queued at a time.</summary>
    private const int ListPage = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKinds.GlossaryScan;

    /// <summary>
    /// The job that scans for <paramref name="change"/>, due now (or at <paramref name="dueUtc"/>): one change posted
    /// twice before a worker takes it is scanned once.
    /// </summary>
    public static JobRequest JobOf(GlossaryChange change, DateTimeOffset? dueUtc = null)
    {
        var payload = JsonSerializer.Serialize(change, Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)))[..32];
        return new JobRequest(JobKinds.GlossaryScan, $"{change.Language}:{change.Source ?? "*"}:{hash}", payload, dueUtc);
    }

    /// <summary>How long the pending scan of a change (<see cref="PendingJobsOf"/>) waits unless brought forward.</summary>
    public static readonly TimeSpan WriteWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The scans of changes about to be written to the glossary file, due <see cref="WriteWindow"/> after
    /// <paramref name="now"/>: queued before the file is written, so that a process killed after writing it but before
    /// queueing the scans for now (<see cref="JobOf"/>, which brings the pending ones forward) leaves them to run. A
    /// scan that runs for a change never written, or twice, translates its articles again to what they are: the
    /// translation memory, keyed by the glossary's version, answers every unit.
    /// </summary>
    public static List<JobRequest> PendingJobsOf(IEnumerable<GlossaryChange> changes, DateTimeOffset now) =>
        [.. changes.Select(change => JobOf(change, now + WriteWindow))];

    /// <summary>How long the command line holds a scan it runs itself (not renewed: a longer scan may be run again by a worker, to the same end).</summary>
    private static readonly TimeSpan OwnScanLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Runs the scan of <paramref name="change"/>, just written, here and now (the command line's way, to say how many
    /// articles it queued): its pending job is brought forward and leased, and scans due before it are run on the way.
    /// </summary>
    /// <returns>How many articles were queued; null when another process took the scan first (it queues them).</returns>
    public async Task<int?> RunNowAsync(GlossaryChange change, CancellationToken cancellationToken)
    {
        var own = JobOf(change);
        await jobs.EnqueueAsync([own], cancellationToken);
        var holder = $"{Environment.MachineName}:{Environment.ProcessId}:glossary";
        while (await jobs.LeaseAsync([Kind], holder, OwnScanLease, cancellationToken) is { } job)
        {
            int? queued = null;
            try
            {
                if (job.Key == own.Key) queued = await QueueTouchedAsync(change, cancellationToken);
                else await RunAsync(job, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await jobs.FailAsync(job, ex.Message, CancellationToken.None);
                throw;
            }
            await jobs.CompleteAsync(job, cancellationToken);
            if (queued is not null) return queued;
        }
        return null;
    }

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        var change = job.Payload is { } payload ? JsonSerializer.Deserialize<GlossaryChange>(payload, Json) : null;
        if (change is not { Language.Length: > 0, Terms.Count: > 0 })
            throw new InvalidDataException($"glossary-scan job {job.Key} carries no glossary change");
        await QueueTouchedAsync(change, cancellationToken);
    }

    /// <summary>Queues a <c>retranslate</c> job for each stored article the change touches.</summary>
    /// <returns>How many articles were queued.</returns>
    public async Task<int> QueueTouchedAsync(GlossaryChange change, CancellationToken cancellationToken)
    {
        var patterns = change.Terms.Select(t => new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(t)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant)).ToList();
        var touched = new List<JobRequest>();
        var count = 0;
        await foreach (var id in CandidatesAsync(change, cancellationToken))
        {
            var article = await store.GetArticleAsync(id, cancellationToken);
            if (article is null || article.Language != change.Language || (change.Source is not null && article.SourceSlug != change.Source)) continue;
            var original = article.Original;
            var text = string.Join('\n', new[] { original.Title, original.Teaser, original.Image?.Caption }.Concat(original.Paragraphs.Select(p => p.Text)));
            if (!patterns.Any(p => p.IsMatch(text))) continue;
            touched.Add(RetranslationStage.JobOf(id));
            if (touched.Count < ListPage) continue;
            count += await QueueAsync(touched, cancellationToken);
        }
        count += await QueueAsync(touched, cancellationToken);
        log.LogInformation("Glossary change for {Language} queued {Count} articles to be translated again", change.Language, count);
        return count;
    }

    /// <returns>How many jobs were queued; the list is emptied.</returns>
    private async Task<int> QueueAsync(List<JobRequest> touched, CancellationToken cancellationToken)
    {
        if (touched.Count == 0) return 0;
        await jobs.EnqueueAsync(touched.ToList(), cancellationToken);
        var count = touched.Count;
        touched.Clear();
        return count;
    }

    /// <summary>
    /// The articles that may hold the change's terms, read from the narrowest list by key: the source's articles when
    /// the change is for one source, else those in its language; every article when the store keeps no such lists.
    /// </summary>
    private async IAsyncEnumerable<long> CandidatesAsync(GlossaryChange change, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = change.Source is { } slug ? await store.GetSourceAsync(slug, cancellationToken) : null;
        if (change.Source is not null && source is null) yield break;
        var languages = archive ?? store as IArchiveIndex;
        if (source is null && languages is null)
        {
            foreach (var id in await store.AllArticleIdsAsync(cancellationToken)) yield return id;
            yield break;
        }

        PageCursor? cursor = null;
        do
        {
            var page = source is not null
                ? await store.FromSourceAsync(source.Id, cursor, ListPage, cancellationToken)
                : await languages!.InLanguageAsync(change.Language, cursor, ListPage, cancellationToken);
            foreach (var article in page.Items) yield return article.Id;
            cursor = page.Older;
        }
        while (cursor is not null);
    }
}
