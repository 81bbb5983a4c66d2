using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Discover.Trending;
using ForeignDesk.Web.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Keeps <see cref="SiteLists"/> current: Latest and the categories when articles change (at most every
/// <see cref="LatestEvery"/>), Trends 24h every <see cref="TrendsEvery"/> (views arrive in batches and scores decay with
/// time). Pages read <see cref="CurrentAsync"/>; the first read computes it when nothing has been computed yet.
/// A refresh that changes what is shown drops the cached pages tagged <see cref="PageTags.Lists"/>.
/// </summary>
internal sealed partial class SiteListsRefresher(
    IArticleStore store, IServiceProvider services, Trends24h trends, PageCache cache, TimeProvider time,
    ILogger<SiteListsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan LatestEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan TrendsEvery = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private volatile SiteLists? _current;
    /// <summary>Real time since Trends 24h were last computed (the schedule runs on the machine's clock, scores on the site's).</summary>
    private long _trendsComputed = long.MinValue;
    private volatile bool _latestChanged;

    /// <summary>The lists as last computed; computed now when never computed before.</summary>
    public async ValueTask<SiteLists> CurrentAsync(CancellationToken cancellationToken) =>
        _current ?? await RefreshAsync(trendsToo: true, cancellationToken);

    /// <summary>Computes every list now (Trends 24h too) and drops the pages that showed different ones.</summary>
    public Task<SiteLists> RefreshNowAsync(CancellationToken cancellationToken) => RefreshAsync(trendsToo: true, cancellationToken);

    /// <summary>Something in Latest may have changed (a new, updated or withdrawn article, a story placement).</summary>
    public void LatestChanged()
    {
        _latestChanged = true;
        if (_wake.CurrentCount == 0) try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var trendsDue = _trendsComputed == long.MinValue || Stopwatch.GetElapsedTime(_trendsComputed) >= TrendsEvery;
                if (_latestChanged || trendsDue || _current is null)
                {
                    _latestChanged = false;
                    await RefreshAsync(trendsDue, stoppingToken);
                }
                await _wake.WaitAsync(TrendsEvery, stoppingToken);
                await Task.Delay(LatestEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be away for a while: pages keep the lists they have, and the next round tries again.
                LogRefreshFailed(logger, ex);
                await Task.Delay(TrendsEvery, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<SiteLists> RefreshAsync(bool trendsToo, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var previous = _current;
            var now = time.GetUtcNow();
            var stories = services.GetService(typeof(IStoryStore)) as IStoryStore ?? store as IStoryStore;
            var latestStories = stories is null ? null : await stories.LatestStoriesAsync(SiteLists.LatestCount, cancellationToken);
            var latest = await store.LatestAsync(SiteLists.LatestCount, cancellationToken);
            IReadOnlyList<ArticleSummary> trending;
            if (trendsToo || previous is null)
            {
                trending = await trends.TopAsync(SiteLists.TrendingCount, cancellationToken);
                _trendsComputed = Stopwatch.GetTimestamp();
            }
            else
            {
                trending = previous.Trending;
            }
            var categories = await store.CategoriesAsync(cancellationToken);
            var lists = new SiteLists(latest, latestStories, trending, categories, now);
            _current = lists;
            if (previous is null || !SameAs(previous, lists)) await cache.EvictAsync(PageTags.Lists, cancellationToken);
            return lists;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static bool SameAs(SiteLists a, SiteLists b) =>
        a.Latest.SequenceEqual(b.Latest)
        && (a.LatestStories is null ? b.LatestStories is null : b.LatestStories is not null && a.LatestStories.Select(Key).SequenceEqual(b.LatestStories.Select(Key)))
        && a.Trending.Select(t => t with { Views = 0 }).SequenceEqual(b.Trending.Select(t => t with { Views = 0 }))
        && a.Categories.SequenceEqual(b.Categories);

    private static (ArticleSummary, long?, string?, int, int, string) Key(StoryLine line) =>
        (line.Lead, line.StoryId, line.Headline, line.ArticleCount, line.OutletCount, string.Join(',', line.Languages));

    [LoggerMessage(Level = LogLevel.Error, Message = "The site's lists could not be computed; pages keep the previous ones")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
