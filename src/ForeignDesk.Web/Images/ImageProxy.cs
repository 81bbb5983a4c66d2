using System.Collections.Concurrent;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Images;

/// <summary>
/// <c>/image/{article}/{n}/{key}</c>: an article's image served from the site, so that readers' browsers never load
/// anything from an outlet (no address, cookie or referrer of theirs reaches it). Only the images the article itself
/// carries can be asked for (n = 0 for the lead image, 1… for the body's), never a URL from the request; they are
/// fetched through the pipeline's guarded fetcher (private addresses refused at every connection, redirects
/// included; robots.txt obeyed; size and time caps), kept only when their first bytes are JPEG, PNG, GIF, WebP or
/// AVIF and they are at most <see cref="ImageOptions.MaxBytes"/>, copied to disk (<see cref="ImageCache"/>) and
/// served with a year's cache. An image whose article's policy shows no body is not served.
/// </summary>
internal sealed partial class ImageProxy(
    ImageCache cache, IOptions<ImageOptions> options, TimeProvider time, ILogger<ImageProxy> logger, IPageFetcher? fetcher = null)
{
    /// <summary>How long an image that could not be fetched is not tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    private const int MaxFailuresKept = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failed = new(StringComparer.Ordinal);

    /// <summary>The image's path on the site: the article, its place, and a key of its URL (a changed image gets a new path).</summary>
    public static string PathOf(long articleId, int index, string url) =>
        $"/image/{articleId}/{index}/{ImageCache.Key(url)[..16]}";

    /// <summary>The article's image at <paramref name="index"/> (0 the lead image, then the body's), when it is an http(s) URL.</summary>
    public static ArticleImage? ImageOf(ExtractedArticle article, int index)
    {
        var image = index == 0 ? article.Image : index > 0 && index <= article.Images.Count ? article.Images[index - 1] : null;
        return image is not null && Paths.External(image.Url) is not null ? image : null;
    }

    public static async Task<IResult> ShowAsync(
        long id, int index, string key, HttpContext context, IArticleStore store, SourcePolicies policies, ImageProxy proxy)
    {
        var ct = context.RequestAborted;
        var article = await store.GetArticleAsync(id, ct);
        if (article is null || ImageOf(article.Original, index) is not { } image || !(await policies.ForAsync(article, ct)).Body
            || !ImageCache.Key(image.Url).StartsWith(key, StringComparison.Ordinal) || key.Length != 16)
            return Results.NotFound();
        if (await proxy.CopyOfAsync(image.Url, ct) is not { } copy) return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.File(copy.Path, copy.MediaType);
    }

    /// <summary>The copy of the image on disk, fetched now when there is none; null when it cannot be had.</summary>
    public async Task<CachedImage?> CopyOfAsync(string url, CancellationToken cancellationToken)
    {
        if (cache.Find(url) is { } copy) return copy;
        var now = time.GetUtcNow();
        if (_failed.TryGetValue(url, out var failedAt) && now - failedAt < RetryAfter) return null;
        if (fetcher is null) return null;
        var outcome = await fetcher.FetchAsync(new FetchRequest(new Uri(url)), cancellationToken);
        var problem = outcome.Status != FetchStatus.Ok || outcome.Page is null ? outcome.Error ?? outcome.Status.ToString()
            : outcome.Page.Body.Length > options.Value.MaxBytes ? $"larger than {options.Value.MaxBytes} bytes"
            : ImageTypes.Sniff(outcome.Page.Body) is null ? $"not an image ({outcome.Page.ContentType})"
            : null;
        if (problem is not null)
        {
            if (_failed.Count >= MaxFailuresKept) _failed.Clear();
            _failed[url] = now;
            LogRefused(logger, url, problem);
            return null;
        }
        return await cache.SaveAsync(url, ImageTypes.Sniff(outcome.Page!.Body)!, outcome.Page.Body, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {Url} not served: {Problem}")]
    private static partial void LogRefused(ILogger logger, string url, string problem);
}
