using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Tests.Fetch;

internal static class TestFetchers
{
    /// <summary>A fetcher that may reach the local test server: private networks allowed, no per-host pause, robots off.</summary>
    /// <param name="slots">The store's hosts' fetch slots, as a process with a store has them; none by default.</param>
    public static PageFetcher Create(Action<FetchOptions>? configure = null, IHostSlots? slots = null, TimeProvider? time = null)
    {
        var options = new FetchOptions
        {
            AllowPrivateNetworks = true,
            MinDelayPerHost = TimeSpan.Zero,
            ObeyRobots = false,
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new PageFetcher(Options.Create(options), time ?? TimeProvider.System, slots);
    }
}
