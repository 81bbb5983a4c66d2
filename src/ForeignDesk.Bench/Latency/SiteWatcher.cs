using System.Collections.Concurrent;
using ForeignDesk.Core;

namespace ForeignDesk.Bench.Latency;

/// <summary>
/// Watches the site as a reader would: every 100 ms it asks the store for articles not yet seen translated, and for
/// each one that is, requests its page and notes when the page was first served (a 200 from the site).
/// </summary>
internal sealed class SiteWatcher(IArticleStore store, HttpClient site)
{
    private readonly ConcurrentDictionary<long, (int? Index, long ServedAt)> _served = new();

    /// <summary>Article number in the simulated world (null for an unknown URL) and the timestamp its page was first served.</summary>
    public IReadOnlyCollection<(int? Index, long ServedAt)> Served => _served.Values.ToList();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await WaitAsync(tick, cancellationToken))
            {
                foreach (var id in await store.AllArticleIdsAsync(cancellationToken))
                {
                    if (_served.ContainsKey(id)) continue;
                    if (await store.GetArticleAsync(id, cancellationToken) is not { State: ArticleState.Translated } article) continue;
                    using var response = await site.GetAsync($"/article/{id}", cancellationToken);
                    if (!response.IsSuccessStatusCode) continue;
                    _served.TryAdd(id, (SpanishNewsWriter.IndexOf(article.Url), TimeProvider.System.GetTimestamp()));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while asking the store or the site: the watch ends with what it has seen.
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer tick, CancellationToken cancellationToken)
    {
        try
        {
            return await tick.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
