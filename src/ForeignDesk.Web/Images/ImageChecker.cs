using System.Collections.Concurrent;
using System.Threading.Channels;
using ForeignDesk.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Images;

/// <summary>
/// Checks articles' images in the background and keeps the outcome in the store (<see cref="IImageCheckStore"/>): a page
/// (or feed) that shows an article asks for the checks its images lack and shows only the images found good; a saved
/// check marks the article's page changed, so it is shown again with the image. A failed image is tried again when its
/// article is shown after <see cref="ImageOptions.RecheckFailedAfter"/>. The queue is bounded and each image is asked
/// for once at a time; a request that does not fit waits for the next showing.
/// </summary>
internal sealed partial class ImageChecker(
    ImageProxy proxy, IImageCheckStore store, IOptions<ImageOptions> options, TimeProvider time, ILogger<ImageChecker> logger) : BackgroundService
{
    private const int QueueLength = 1_000;

    private sealed record Request(long ArticleId, int Index, string Url);

    private readonly Channel<Request> _queue = Channel.CreateBounded<Request>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<(long, int), byte> _pending = new();
    private int _working;
    private TaskCompletionSource _idle = NewIdle(true);

    /// <summary>The article's images as the site may show them; asks for the checks they lack.</summary>
    public async Task<ArticleImages> ImagesOfAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        // Most articles carry no image: their pages read nothing more.
        if (Enumerable.Range(0, article.Original.Images.Count + 1).All(index => ImageProxy.ImageOf(article.Original, index) is null))
            return new ArticleImages(article, []);
        var checks = await store.ImageChecksAsync(article.Id, cancellationToken);
        for (var index = 0; index <= article.Original.Images.Count; index++)
        {
            if (ImageProxy.ImageOf(article.Original, index) is not { } image) continue;
            var key = ImageCache.Key(image.Url);
            var check = checks.FirstOrDefault(c => c.Index == index && c.UrlKey == key);
            if (check is null || !check.Good && time.GetUtcNow() - check.CheckedUtc >= options.Value.RecheckFailedAfter)
                Enqueue(new Request(article.Id, index, image.Url));
        }
        return new ArticleImages(article, checks);
    }

    /// <summary>Completes when no check is queued or running (tests, and callers that must see the outcome at once).</summary>
    public Task IdleAsync(CancellationToken cancellationToken) => Volatile.Read(ref _idle).Task.WaitAsync(cancellationToken);

    private void Enqueue(Request request)
    {
        if (!_pending.TryAdd((request.ArticleId, request.Index), 0)) return;
        lock (_queue)
        {
            if (_working++ == 0) _idle = NewIdle(false);
        }
        if (!_queue.Writer.TryWrite(request)) Done(request);
    }

    private void Done(Request request)
    {
        _pending.TryRemove((request.ArticleId, request.Index), out _);
        lock (_queue)
        {
            if (--_working == 0) _idle.TrySetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CheckQueuedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is asked for again when its article is next shown.
        }
    }

    private async Task CheckQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var check = await proxy.CheckAsync(request.ArticleId, request.Index, request.Url, stoppingToken);
                await store.SaveImageCheckAsync(check, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(logger, ex, request.ArticleId, request.Url);
            }
            finally
            {
                Done(request);
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool done)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (done) idle.SetResult();
        return idle;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking image {Url} of article {ArticleId} failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, long articleId, string url);
}
