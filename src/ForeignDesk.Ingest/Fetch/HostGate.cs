using System.Collections.Concurrent;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// Lets one request at a time reach a host, and keeps <c>minDelay</c> between the end of one request and the
/// start of the next (or the host's longer robots.txt Crawl-delay). The gap is measured on the monotonic clock, so that
/// the wall clock jumping back (NTP, a suspended machine) cannot hold a host back for as long as it jumped.
/// With the store's <paramref name="slots"/> (any process that has a store) each request also reserves its host's next
/// slot there and waits for it, so that the delay holds across every process fetching from the host: within a process
/// the lane keeps one request at a time, across processes the slots keep the requests' starts the delay apart.
/// </summary>
internal sealed class HostGate(TimeSpan minDelay, TimeProvider time, IHostSlots? slots = null)
{
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.OrdinalIgnoreCase);

    public Task<IDisposable> EnterAsync(string host, CancellationToken ct) => EnterAsync(host, null, ct);

    /// <param name="crawlDelay">The pause the host asks for; the longer of it and the configured delay is kept.</param>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan? crawlDelay, CancellationToken ct)
    {
        var delay = crawlDelay is { } asked && asked > minDelay ? asked : minDelay;
        var lane = lanes.GetOrAdd(host, _ => new Lane());
        await lane.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (lane.LastEnd is { } lastEnd)
            {
                var wait = delay - time.GetElapsedTime(lastEnd);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                }
            }

            if (slots is not null && delay > TimeSpan.Zero)
            {
                var wait = await slots.ReserveAsync(host.ToLowerInvariant(), delay, ct).ConfigureAwait(false);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            lane.Lock.Release();
            throw;
        }

        return new Pass(lane, time);
    }

    private sealed class Lane
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        /// <summary>When the last request ended, as a <see cref="TimeProvider.GetTimestamp"/>.</summary>
        public long? LastEnd { get; set; }
    }

    private sealed class Pass(Lane lane, TimeProvider time) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                lane.LastEnd = time.GetTimestamp();
                lane.Lock.Release();
            }
        }
    }
}
