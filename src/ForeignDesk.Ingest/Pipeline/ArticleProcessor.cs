using System.Security.Cryptography;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Detect;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Ingest.Telemetry;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>What a fetch job needs beyond its URL: the source that listed the article, and the date the listing gave.</summary>
public sealed record FetchPayload(long SourceId, DateTimeOffset? Published)
{
    public string Serialize() => System.Text.Json.JsonSerializer.Serialize(this);

    public static FetchPayload Parse(string? json) =>
        (json is null ? null : System.Text.Json.JsonSerializer.Deserialize<FetchPayload>(json))
        ?? throw new FormatException("a fetch job carries no source");
}

/// <summary>
/// The <c>fetch</c> job: one article URL through fetch → extract → detect → store, then its translation enqueued. Its
/// key is the URL, so one worker at a time fetches it; running it twice finds the page unchanged (a conditional GET, or
/// the same content) and only enqueues again the step the store says the article still needs.
/// </summary>
public sealed class ArticleProcessor(
    IArticleStore store,
    IStoryStore stories,
    IJobQueue jobs,
    IPageFetcher fetcher,
    IArticleExtractor extractor,
    ArticleLanguage languages,
    TimeProvider time,
    ILogger<ArticleProcessor> log,
    ICategoryMapping? categories = null,
    IngestMetrics? metrics = null,
    RecheckSchedule? rechecks = null) : IJobHandler
{
    public string Kind => JobKinds.Fetch;

    /// <summary>The fetch job of a listed item: its normalized URL is the key.</summary>
    public static JobRequest JobOf(Source source, FeedItem item) =>
        new(JobKinds.Fetch, UrlNormalizer.Normalize(item.ArticleUrl ?? throw new ArgumentException("the feed item has no URL to fetch", nameof(item))),
            new FetchPayload(source.Id, item.Published).Serialize());

    /// <summary>
    /// The fetch jobs of a listing's items, each host's spread over its politeness delay: the n-th item of a host queues
    /// as though enqueued n delays from now (<see cref="JobRequest.Behind"/>; n from 1 for the host just read for the
    /// listing, whose next request waits a delay anyway, else from 0). Leased in queue order, the fetches of many hosts
    /// then take turns, so that the workers do not all wait at one host's gate while the fetches of other hosts wait behind
    /// them in the queue. The gate still keeps each host's pace (a longer Crawl-delay included); this only orders the work.
    /// </summary>
    public static List<JobRequest> JobsOf(Source source, IEnumerable<FeedItem> items, TimeSpan hostDelay, string? hostJustRead)
    {
        var perHost = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var jobs = new List<JobRequest>();
        foreach (var item in items)
        {
            var job = JobOf(source, item);
            var host = item.ArticleUrl!.IdnHost;
            var turn = perHost.TryGetValue(host, out var taken) ? taken
                : string.Equals(host, hostJustRead, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            perHost[host] = turn + 1;
            jobs.Add(hostDelay <= TimeSpan.Zero ? job : job with { Behind = hostDelay * turn });
        }
        return jobs;
    }

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        var payload = FetchPayload.Parse(job.Payload);
        var report = IngestReport.Current;
        report?.ItemSeen();
        if (await store.GetSourceAsync(payload.SourceId, cancellationToken) is not { } source)
        {
            log.LogInformation("Source {SourceId} is gone; {Url} is not fetched", payload.SourceId, job.Key);
            return;
        }
        var item = new FeedItem(new Uri(job.Key), null, payload.Published, [], null);
        await FetchAndStoreAsync(source, job.Key, item, report, cancellationToken);
    }

    private async Task FetchAndStoreAsync(Source source, string url, FeedItem item, IngestReport? report, CancellationToken cancellationToken)
    {
        var validators = await store.GetValidatorsAsync(url, cancellationToken);
        var outcome = await fetcher.FetchAsync(new FetchRequest(new Uri(url), validators), cancellationToken);
        if (outcome.Status == FetchStatus.NotModified)
        {
            // The validators are saved only after the next step was enqueued, so a 304 means nothing is left to do.
            report?.ArticleUnchanged();
            return;
        }
        if (outcome.Status != FetchStatus.Ok || outcome.Page is null)
        {
            await FailAsync(source, url, "article", outcome.Error ?? outcome.Status.ToString(), report, cancellationToken);
            return;
        }

        var saved = await StoreAsync(source, url, outcome.Page, item, report, cancellationToken);
        if (saved is not null)
            await store.SaveValidatorsAsync(url, new HttpValidators(outcome.Page.ETag, outcome.Page.LastModified), cancellationToken);
    }

    /// <summary>
    /// Extracts a fetched page and stores the article, then enqueues its next step: a new or changed article is
    /// translated; an unchanged one gets again whatever step the store records it still needs (a stop may have come
    /// between saving it and enqueueing that step).
    /// </summary>
    public async Task<SaveResult?> StoreAsync(Source source, string url, FetchedPage page, FeedItem? item, IngestReport? report, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var extracted = extractor.Extract(page);
        metrics?.Extracted(IngestMetrics.Since(started), extracted.Article is not null);
        if (extracted.Article is not { } article)
        {
            await FailAsync(source, url, "extract", extracted.Message ?? "no article found", report, cancellationToken);
            return null;
        }

        // Times the page wrote without a zone are read in the source's, when one is set (UTC, the default, names none),
        // else, when the page showed none, at the offset the feed gave the item.
        if (!TimeZones.IsUtc(source.TimeZone) && TimeZones.Find(source.TimeZone) is { } zone) article = article.InZone(zone, TimeZoneBasis.Source);
        else if (item?.Published is { Offset: var feedOffset } && feedOffset != TimeSpan.Zero)
            article = article.InZone(TimeZoneInfo.CreateCustomTimeZone("feed", feedOffset, null, null), TimeZoneBasis.Page);
        var now = time.GetUtcNow();
        var published = article.Published ?? item?.Published;
        var language = languages.Choose(source, article.Title + "\n" + article.Text, article.Language);
        var draft = new ArticleDraft(
            source.Id,
            CanonicalUrl(url, article.CanonicalUrl),
            language.Language,
            article,
            (published ?? now).ToUniversalTime(),
            PublishedEstimated: published is null,
            categories?.CategoryOf(article.Section, url, source.Category) ?? source.Category,
            ContentHash(article),
            page,
            language.DetectedOther);
        var saved = await store.SaveArticleAsync(draft, now, cancellationToken);
        switch (saved.Change)
        {
            case ArticleChange.Unchanged:
                report?.ArticleUnchanged();
                await EnqueueUnfinishedAsync(saved.ArticleId, cancellationToken);
                return saved;
            case ArticleChange.Created:
                report?.ArticleCreated();
                break;
            default:
                report?.ArticleUpdated();
                break;
        }

        // A new article's page is checked again for changes (ArticleRecheck) while its window lasts.
        var firstCheck = saved.Change == ArticleChange.Created
            ? rechecks?.Check(saved.ArticleId, 1, now, draft.PublishedEstimated ? null : draft.PublishedUtc)
            : null;
        await jobs.EnqueueAsync(firstCheck is null ? [TranslationStage.JobOf(saved.ArticleId)] : [TranslationStage.JobOf(saved.ArticleId), firstCheck], cancellationToken);
        log.LogInformation("{Change} article {ArticleId} {Url} ({Language})", saved.Change, saved.ArticleId, draft.Url, draft.Language);
        return saved;
    }

    /// <summary>Enqueues the step an unchanged article still needs, by the state the store records for it.</summary>
    private async Task EnqueueUnfinishedAsync(long articleId, CancellationToken cancellationToken)
    {
        if (await store.GetArticleAsync(articleId, cancellationToken) is not { } article) return;
        if (article.State == ArticleState.Extracted)
        {
            // A stop may also have come before a new article's first check was scheduled; scheduled again, it keeps its time.
            var firstCheck = article is { RemovedUtc: null, Translation: null } ? rechecks?.First(article) : null;
            await jobs.EnqueueAsync(firstCheck is null ? [TranslationStage.JobOf(articleId)] : [TranslationStage.JobOf(articleId), firstCheck], cancellationToken);
        }
        else if (await stories.StoryOfAsync(articleId, cancellationToken) is null)
            await jobs.EnqueueAsync([TranslationStage.PlacementOf(articleId)], cancellationToken);
    }

    /// <summary>The page's canonical link when it stays on the same host; otherwise the URL it was fetched from.</summary>
    private static string CanonicalUrl(string fetchedUrl, string? declared)
    {
        if (declared is null || !Uri.TryCreate(new Uri(fetchedUrl), declared, out var canonical)) return fetchedUrl;
        var fetchedHost = new Uri(fetchedUrl).Host;
        return canonical.Scheme is "http" or "https" && string.Equals(canonical.Host, fetchedHost, StringComparison.OrdinalIgnoreCase)
            ? UrlNormalizer.Normalize(canonical)
            : fetchedUrl;
    }

    private static string ContentHash(ExtractedArticle article)
    {
        var builder = new StringBuilder().Append(article.Title).Append('\n').Append(article.Teaser).Append('\n');
        foreach (var paragraph in article.Paragraphs) builder.Append(paragraph.Kind).Append(':').Append(paragraph.Html).Append('\n');
        builder.Append(article.Image?.Url).Append(article.Image?.Caption).Append(article.Image?.Credit).Append(article.Byline);
        foreach (var image in article.Images) builder.Append('\n').Append(image.Url).Append(image.Caption).Append(image.Credit).Append(image.Position);
        // Only when the page asks anything, so that the hashes of the pages that ask nothing stay as they were.
        if (article.Robots != PublisherDirectives.None) builder.Append("\nrobots:").Append((int)article.Robots);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private async Task FailAsync(Source source, string url, string stage, string message, IngestReport? report, CancellationToken cancellationToken)
    {
        report?.ArticleFailed();
        metrics?.SourceError(source.Slug, stage);
        log.LogWarning("Skipped {Url} of source {SourceId} at {Stage}: {Message}", url, source.Id, stage, message);
        await store.RecordProblemAsync(new FetchProblem(source.Id, url, stage, message, time.GetUtcNow()), cancellationToken);
    }
}
