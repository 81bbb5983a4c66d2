using System.Globalization;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// The site's runtime figures at one moment, read from its /metrics (Prometheus text; the site runs with metrics on):
/// garbage collections by generation and their pause time, bytes allocated, time spent compiling code (tiered JIT),
/// lock contentions, connections the store opened, the thread pool's threads and queue. The difference of two, divided by the requests between them, says where a tail comes from.
/// </summary>
internal sealed record SiteRuntime(long Gen0, long Gen1, long Gen2, double PauseSeconds, double AllocatedBytes,
    double JitSeconds, double LockContentions, double ConnectionsOpened, double ReadConnectionsOpened, double Threads, double QueueLength)
{
    public const string Path = "/metrics";

    public static async Task<SiteRuntime> ReadAsync(HttpClient http, CancellationToken cancellationToken) =>
        Parse(await http.GetStringAsync(Path, cancellationToken));

    /// <summary>Reads the figures from a Prometheus text exposition; those missing read 0.</summary>
    public static SiteRuntime Parse(string exposition)
    {
        long gen0 = 0, gen1 = 0, gen2 = 0;
        double pause = 0, allocated = 0, jit = 0, contentions = 0, connections = 0, readConnections = 0, threads = 0, queue = 0;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var labelsEnd = line.LastIndexOf('}');
            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0) continue;
            var name = line[..nameEnd];
            var rest = line[((labelsEnd > nameEnd ? labelsEnd : nameEnd) + 1)..].Trim().Split(' ');
            if (!double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var labels = labelsEnd > nameEnd ? line[nameEnd..labelsEnd] : "";
            if (name.StartsWith("dotnet_gc_collections", StringComparison.Ordinal))
            {
                // Each collection is counted once, under the oldest generation it collected.
                if (labels.Contains("\"gen0\"", StringComparison.Ordinal)) gen0 += (long)value;
                else if (labels.Contains("\"gen1\"", StringComparison.Ordinal)) gen1 += (long)value;
                else if (labels.Contains("\"gen2\"", StringComparison.Ordinal)) gen2 += (long)value;
            }
            else if (name.StartsWith("dotnet_gc_pause_time", StringComparison.Ordinal)) pause += value;
            else if (name.StartsWith("dotnet_gc_heap_total_allocated", StringComparison.Ordinal)) allocated += value;
            else if (name.StartsWith("dotnet_jit_compilation_time", StringComparison.Ordinal)) jit += value;
            else if (name.StartsWith("dotnet_monitor_lock_contentions", StringComparison.Ordinal)) contentions += value;
            else if (name.StartsWith("foreigndesk_store_connections_opened", StringComparison.Ordinal)) connections += value;
            else if (name.StartsWith("foreigndesk_store_read_connections_opened", StringComparison.Ordinal)) readConnections += value;
            else if (name.StartsWith("dotnet_thread_pool_thread_count", StringComparison.Ordinal)) threads += value;
            else if (name.StartsWith("dotnet_thread_pool_queue_length", StringComparison.Ordinal)) queue += value;
        }
        return new SiteRuntime(gen0, gen1, gen2, pause, allocated, jit, contentions, connections, readConnections, threads, queue);
    }

    /// <summary>What happened between <paramref name="before"/> and this, per request: a line for the bench's report.</summary>
    /// <param name="peakQueue">The longest thread-pool queue seen while the load ran.</param>
    public RuntimeChange Since(SiteRuntime before, long requests, double peakQueue) => new(
        Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2,
        Per10k(PauseSeconds - before.PauseSeconds, requests) * 1000,
        requests > 0 ? (AllocatedBytes - before.AllocatedBytes) / requests : 0,
        (JitSeconds - before.JitSeconds) * 1000,
        Per10k(LockContentions - before.LockContentions, requests),
        Per10k(ConnectionsOpened - before.ConnectionsOpened, requests),
        Per10k(ReadConnectionsOpened - before.ReadConnectionsOpened, requests),
        Threads, peakQueue);

    private static double Per10k(double amount, long requests) => requests > 0 ? amount * 10_000 / requests : 0;
}

/// <summary>The site's runtime over one page kind's load.</summary>
/// <param name="PauseMsPer10k">Milliseconds the garbage collector paused the site per 10 000 requests.</param>
/// <param name="AllocatedBytesPerRequest">Bytes allocated (all threads) per request.</param>
/// <param name="JitMs">Milliseconds spent compiling code during the load (tiered compilation of what it first ran).</param>
/// <param name="ContentionsPer10k">Lock contentions per 10 000 requests.</param>
/// <param name="ConnectionsPer10k">Store connections opened per 10 000 requests.</param>
/// <param name="ReadConnectionsPer10k">Of them, connections whose statements the store's reads prepared anew.</param>
/// <param name="Threads">The thread pool's threads after the load.</param>
/// <param name="PeakQueue">The longest thread-pool queue seen while the load ran (read once a second).</param>
internal sealed record RuntimeChange(long Gen0, long Gen1, long Gen2, double PauseMsPer10k, double AllocatedBytesPerRequest,
    double JitMs, double ContentionsPer10k, double ConnectionsPer10k, double ReadConnectionsPer10k, double Threads, double PeakQueue)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gc {Gen0}/{Gen1}/{Gen2} (gen0/1/2), pause {PauseMsPer10k:0.0} ms, alloc {AllocatedBytesPerRequest / 1024:0.0} KB/request, lock contentions {ContentionsPer10k:0.0}, connections {ConnectionsPer10k:0.0} ({ReadConnectionsPer10k:0.0} reads'), per 10k requests; jit {JitMs:0} ms; pool {Threads:0} threads, queue peak {PeakQueue:0}");
}
