using System.Security.Cryptography;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Ingest.Detect;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Ingest.Telemetry;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>One article URL through fetch → extract → detect → store → translate.</summary>
public sealed class ArticleProcessor(
    IArticleStore store,
    IPageFetcher fetcher,
    IArticleExtractor extractor,
    ArticleLanguage languages,
    TranslationStage translation,
    TimeProvider time,
    ILogger<ArticleProcessor> log,
    CategoryMapper? categories = null,
    IngestMetrics? metrics = null)
{
    /// <summary>Article URLs being processed now: a poll and a WebSub push listing the same new article fetch it once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    /// <returns>
    /// True when the item is handled: its article stored (or unchanged), or its failure recorded. False when another
    /// caller is processing the same URL right now, so that the item must not yet count as seen.
    /// </returns>
    public async Task<bool> ProcessAsync(Source source, FeedItem item, IngestReport report, CancellationToken cancellationToken)
    {
        report.ItemSeen();
        var url = UrlNormalizer.Normalize(item.ArticleUrl ?? throw new ArgumentException("the feed item has no URL to fetch", nameof(item)));
        if (!_inFlight.TryAdd(url, 0))
        {
            report.ArticleUnchanged();
            return false;
        }

        try
        {
            await FetchAndStoreAsync(source, url, item, report, cancellationToken);
            return true;
        }
        finally
        {
            _inFlight.TryRemove(url, out _);
        }
    }

    private async Task FetchAndStoreAsync(Source source, string url, FeedItem item, IngestReport report, CancellationToken cancellationToken)
    {
        var validators = await store.GetValidatorsAsync(url, cancellationToken);
        var outcome = await fetcher.FetchAsync(new FetchRequest(new Uri(url), validators), cancellationToken);
        if (outcome.Status == FetchStatus.NotModified)
        {
            report.ArticleUnchanged();
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

    /// <summary>Extracts a fetched page and stores the article; translates it when it is new or changed.</summary>
    public async Task<SaveResult?> StoreAsync(Source source, string url, FetchedPage page, FeedItem? item, IngestReport report, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var extracted = extractor.Extract(page);
        metrics?.Extracted(IngestMetrics.Since(started), extracted.Article is not null);
        if (extracted.Article is not { } article)
        {
            await FailAsync(source, url, "extract", extracted.Message ?? "no article found", report, cancellationToken);
            return null;
        }

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
            categories?.Map(article.Section, url, source.Category).Category ?? source.Category,
            ContentHash(article),
            page,
            language.DetectedOther);
        var saved = await store.SaveArticleAsync(draft, now, cancellationToken);
        switch (saved.Change)
        {
            case ArticleChange.Unchanged:
                report.ArticleUnchanged();
                return saved;
            case ArticleChange.Created:
                report.ArticleCreated();
                break;
            default:
                report.ArticleUpdated();
                break;
        }

        var stored = await store.GetArticleAsync(saved.ArticleId, cancellationToken)
            ?? throw new InvalidOperationException($"article {saved.ArticleId} vanished after saving");
        var state = await translation.TranslateAsync(stored, cancellationToken);
        if (state == ArticleState.Translated) report.ArticleTranslated();
        else if (state == ArticleState.AwaitingEngine) report.ArticleAwaitingEngine();
        log.LogInformation("{Change} article {ArticleId} {Url} ({Language}, {State})", saved.Change, saved.ArticleId, draft.Url, draft.Language, state);
        return saved;
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private async Task FailAsync(Source source, string url, string stage, string message, IngestReport report, CancellationToken cancellationToken)
    {
        report.ArticleFailed();
        metrics?.SourceError(source.Slug, stage);
        log.LogWarning("Skipped {Url} of source {SourceId} at {Stage}: {Message}", url, source.Id, stage, message);
        await store.RecordProblemAsync(new FetchProblem(source.Id, url, stage, message, time.GetUtcNow()), cancellationToken);
    }
}
