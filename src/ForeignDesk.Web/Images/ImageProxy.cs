using System.Collections.Concurrent;
using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Images;

/// <summary>
/// <c>/image/{article}/{n}/{key}/{width}</c>: an article's image served from the site, so that readers' browsers never
/// load anything from an outlet (no address, cookie or referrer of theirs reaches it). Only the images the article itself
/// carries can be asked for (n = 0 for the lead image, 1… for the body's), never a URL from the request, and only once a
/// check found them good (<see cref="ImageChecker"/>); they are fetched through the pipeline's guarded fetcher (private
/// addresses refused at every connection, redirects included; robots.txt obeyed; size and time caps), kept only when
/// their first bytes are JPEG, PNG, GIF, WebP or AVIF, they are at most <see cref="ImageOptions.MaxBytes"/> and they
/// decode, written again at the widths of <see cref="ImageRenditions"/>, kept on disk (<see cref="ImageCache"/>) and
/// served with a year's cache. An image whose article's policy shows no body is not served.
/// </summary>
internal sealed partial class ImageProxy(
    ImageCache cache, IOptions<ImageOptions> options, TimeProvider time, ILogger<ImageProxy> logger, IPageFetcher? fetcher = null)
{
    /// <summary>How long an image that could not be fetched again for the disk is not tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    private const int MaxFailuresKept = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failed = new(StringComparer.Ordinal);

    /// <summary>The image's path on the site at <paramref name="width"/>: the article, its place, a key of its URL (a changed image gets a new path) and the width.</summary>
    public static string PathOf(long articleId, int index, string url, int width) =>
        $"/image/{articleId}/{index}/{ImageCache.Key(url)[..16]}/{width.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The article's image at <paramref name="index"/> (0 the lead image, then the body's), when it is an http(s) URL.</summary>
    public static ArticleImage? ImageOf(ExtractedArticle article, int index)
    {
        var image = index == 0 ? article.Image : index > 0 && index <= article.Images.Count ? article.Images[index - 1] : null;
        return image is not null && Paths.External(image.Url) is not null ? image : null;
    }

    public static async Task<IResult> ShowAsync(
        long id, int index, string key, int width, HttpContext context, IArticleStore store, IImageCheckStore checks, SourcePolicies policies, ImageProxy proxy)
    {
        var ct = context.RequestAborted;
        var article = await store.GetArticleAsync(id, ct);
        if (article is null || ImageOf(article.Original, index) is not { } image || !(await policies.ForAsync(article, ct)).Body
            || key.Length != 16 || !ImageCache.Key(image.Url).StartsWith(key, StringComparison.Ordinal))
            return Results.NotFound();
        var good = ArticleImages.GoodCheck(await checks.ImageChecksAsync(id, ct), index, image.Url);
        if (good is null || !ImageRenditions.WidthsFor(good.Width).Contains(width)) return Results.NotFound();
        if (await proxy.CopyOfAsync(image.Url, width, ct) is not { } copy) return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.File(copy.Path, copy.MediaType);
    }

    /// <summary>
    /// Fetches the image, checks it and writes its renditions to disk: the check to keep, good with the image's size, or
    /// failed with the reason.
    /// </summary>
    public async Task<ImageCheck> CheckAsync(long articleId, int index, string url, CancellationToken cancellationToken)
    {
        var rendered = await RenderAsync(url, cancellationToken);
        var key = ImageCache.Key(url);
        var now = time.GetUtcNow();
        if (rendered.Problem is { } problem) return new ImageCheck(articleId, index, key, false, 0, 0, problem, now);
        foreach (var rendition in rendered.Renditions) await cache.SaveAsync(url, rendition, cancellationToken);
        return new ImageCheck(articleId, index, key, true, rendered.Width, rendered.Height, null, now);
    }

    /// <summary>
    /// The rendition on disk, made again from the outlet's image when the budget removed it (when the outlet's image has
    /// changed size since its check, the nearest width it now has); null when it cannot be had.
    /// </summary>
    public async Task<CachedImage?> CopyOfAsync(string url, int width, CancellationToken cancellationToken)
    {
        if (cache.Find(url, width) is { } copy) return copy;
        var now = time.GetUtcNow();
        if (_failed.TryGetValue(url, out var failedAt) && now - failedAt < RetryAfter) return null;
        var rendered = await RenderAsync(url, cancellationToken);
        if (rendered.Problem is not null)
        {
            if (_failed.Count >= MaxFailuresKept) _failed.Clear();
            _failed[url] = now;
            return null;
        }
        CachedImage? wanted = null;
        var nearest = rendered.Renditions.MinBy(r => Math.Abs(r.Width - width));
        foreach (var rendition in rendered.Renditions)
        {
            var saved = await cache.SaveAsync(url, rendition, cancellationToken);
            if (rendition == nearest) wanted = saved;
        }
        return wanted;
    }

    private sealed record Rendered(int Width, int Height, IReadOnlyList<ImageRendition> Renditions, string? Problem);

    private async Task<Rendered> RenderAsync(string url, CancellationToken cancellationToken)
    {
        if (fetcher is null) return new Rendered(0, 0, [], "no fetcher");
        var outcome = await fetcher.FetchAsync(new FetchRequest(new Uri(url)), cancellationToken);
        string? problem = outcome.Status != FetchStatus.Ok || outcome.Page is null ? outcome.Error ?? outcome.Status.ToString()
            : outcome.Page.Body.Length > options.Value.MaxBytes ? $"larger than {options.Value.MaxBytes} bytes"
            : ImageTypes.Sniff(outcome.Page.Body) is null ? $"not an image ({outcome.Page.ContentType})"
            : null;
        var rendered = problem is null ? ImageRenditions.Render(outcome.Page!.Body, out problem) : null;
        if (rendered is not { } image)
        {
            LogRefused(logger, url, problem!);
            return new Rendered(0, 0, [], problem);
        }
        return new Rendered(image.Width, image.Height, image.Renditions, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {Url} not served: {Problem}")]
    private static partial void LogRefused(ILogger logger, string url, string problem);
}
