using System.Collections.Concurrent;
using System.Text;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// robots.txt per scheme and authority, fetched once and kept for a day. A missing file (4xx) allows everything;
/// a server error or no answer allows everything for now and is asked again after <see cref="RetryAfterFailure"/>.
/// How long an entry has been kept is measured on the monotonic clock, so a step of the wall clock neither keeps an
/// entry for as long as the clock went back nor expires every entry at once when it goes forward.
/// </summary>
internal sealed class RobotsCache(string productToken, TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> loading = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Downloads robots.txt: the status code (0 when there was no answer) and the body.</summary>
    public delegate Task<(int Status, byte[] Body)> Download(Uri robotsUrl, CancellationToken ct);

    public async Task<bool> IsAllowedAsync(Uri url, Download download, CancellationToken ct)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        if (TryGetFresh(key) is { } cached)
        {
            return cached.IsAllowed(url);
        }

        var gate = loading.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (TryGetFresh(key) is { } loaded)
            {
                return loaded.IsAllowed(url);
            }

            var (status, body) = await download(new Uri(key + "/robots.txt"), ct).ConfigureAwait(false);
            var loadedAt = time.GetTimestamp();
            var entry = status switch
            {
                >= 200 and < 300 => new Entry(RobotsRules.Parse(Encoding.UTF8.GetString(body), productToken), loadedAt, KeepFor),
                >= 400 and < 500 => new Entry(RobotsRules.AllowAll, loadedAt, KeepFor),
                _ => new Entry(RobotsRules.AllowAll, loadedAt, RetryAfterFailure),
            };
            entries[key] = entry;
            return entry.Rules.IsAllowed(url);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The Crawl-delay of the cached robots.txt of <paramref name="url"/>'s site, or null (none, or not loaded).</summary>
    public TimeSpan? CrawlDelay(Uri url) => TryGetFresh(url.GetLeftPart(UriPartial.Authority))?.CrawlDelay;

    private RobotsRules? TryGetFresh(string key) =>
        entries.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.LoadedAt) < entry.KeepFor ? entry.Rules : null;

    /// <param name="LoadedAt">When it was downloaded, as a <see cref="TimeProvider.GetTimestamp"/>.</param>
    private sealed record Entry(RobotsRules Rules, long LoadedAt, TimeSpan KeepFor);
}
