using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// Follows the store's change feed (<see cref="IPageChanges"/>) every <see cref="Interval"/>: drops the cached pages
/// tagged with what changed, and has the lists recomputed when the newest articles changed. Changes made by any
/// process (a worker, <c>ingest --once</c>, a command) reach this site's pages within a few seconds. When the feed
/// could not be read for longer than it keeps changes, every cached page is dropped.
/// </summary>
internal sealed partial class PageChangeWatcher(
    IPageChanges changes, PageCache cache, SiteListsRefresher lists, SourcePolicies policies, ILogger<PageChangeWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long the store keeps a change; a site that lost the feed for longer has missed some.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    private const int Batch = 1000;

    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _seen = -1;

    /// <summary>Starts from the store's newest change: pages rendered from now on show everything before it.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _seen = await changes.LatestChangeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailing(logger, ex); // the loop starts from the first change it can read
        }
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads the changes made since the last call and acts on them; returns how many tags changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            return await ReadChangesAsync(cancellationToken);
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<int> ReadChangesAsync(CancellationToken cancellationToken)
    {
        if (_seen < 0)
        {
            _seen = await changes.LatestChangeAsync(cancellationToken);
            policies.Invalidate();
            await cache.EvictAsync(PageTags.All, cancellationToken);
            lists.LatestChanged();
            return 0;
        }
        var total = 0;
        while (true)
        {
            var batch = await changes.ChangesSinceAsync(_seen, Batch, cancellationToken);
            var latest = false;
            foreach (var tag in batch.Select(c => c.Tag).Distinct(StringComparer.Ordinal))
            {
                if (tag == PageTags.Latest) latest = true;
                else if (tag == PageTags.Policies)
                {
                    // The policies are read again, and the lists whose teasers they decided are rendered again.
                    policies.Invalidate();
                    await cache.EvictAsync(PageTags.Policies, cancellationToken);
                }
                else await cache.EvictAsync(tag, cancellationToken);
            }
            if (latest) lists.LatestChanged();
            total += batch.Count;
            if (batch.Count > 0) _seen = batch[^1].Sequence;
            if (batch.Count < Batch) return total;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = Stopwatch.GetTimestamp();
        long? failingSince = null;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await CatchUpAsync(stoppingToken);
                    if (failingSince is { } since && Stopwatch.GetElapsedTime(since) >= Kept)
                    {
                        await cache.EvictAsync(PageTags.All, stoppingToken);
                        policies.Invalidate();
                        lists.LatestChanged();
                    }
                    if (failingSince is not null) LogRecovered(logger);
                    failingSince = null;
                    if (Stopwatch.GetElapsedTime(lastPrune) >= PruneEvery)
                    {
                        await changes.PruneChangesAsync(Kept, stoppingToken);
                        lastPrune = Stopwatch.GetTimestamp();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (failingSince is null) LogFailing(logger, ex);
                    failingSince ??= Stopwatch.GetTimestamp();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store's change feed cannot be read; cached pages may show old content until it can")]
    private static partial void LogFailing(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store's change feed can be read again")]
    private static partial void LogRecovered(ILogger logger);
}
