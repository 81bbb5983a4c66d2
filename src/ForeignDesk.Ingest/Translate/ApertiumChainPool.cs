using ForeignDesk.Core;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Up to N long-lived chains for one route, started on first use. A chain serves one request at a time; a chain
/// that dies or hangs is killed and replaced, and the request is tried once more on a fresh chain.
/// </summary>
internal sealed class ApertiumChainPool(ApertiumRoute route, int size, TimeSpan timeout, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim slots = new(size, size);
    private readonly ConcurrentBag<ApertiumChain> idle = [];
    private readonly ConcurrentDictionary<ApertiumChain, byte> all = new();
    private readonly Lazy<string> command = new(route.BuildCommand);
    private bool disposed;

    public ApertiumRoute Route => route;

    /// <summary>Process group ids of the chains alive now.</summary>
    public IReadOnlyList<int> GroupIds => all.Keys.Where(c => c.IsUsable).Select(c => c.GroupId).ToList();

    public async Task<string> SendAsync(string request, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                var chain = Take();
                try
                {
                    var reply = await chain.SendAsync(request, timeout, cancellationToken);
                    idle.Add(chain);
                    return reply;
                }
                catch (Exception ex) when (ex is IOException or TimeoutException or ObjectDisposedException)
                {
                    Retire(chain);
                    Log.ApertiumRestart(logger, route.Display, ex);
                    if (attempt >= 2) throw new TranslationException($"Apertium failed on route {route.Display}.", ex);
                }
                catch
                {
                    Retire(chain);
                    throw;
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private ApertiumChain Take()
    {
        while (idle.TryTake(out var chain))
        {
            if (chain.IsUsable) return chain;
            Retire(chain);
        }
        var fresh = ApertiumChain.Start(command.Value, logger);
        all[fresh] = 0;
        Log.ApertiumStarted(logger, route.Display, fresh.GroupId);
        return fresh;
    }

    private void Retire(ApertiumChain chain)
    {
        all.TryRemove(chain, out _);
        chain.Dispose();
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var chain in all.Keys) Retire(chain);
    }
}
