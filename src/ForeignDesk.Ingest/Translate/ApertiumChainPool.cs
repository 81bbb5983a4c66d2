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

    public async Task<string> SendAsync(string request, CancellationToken cancellationToken) =>
        (await SendInOrderAsync([request], cancellationToken))[0];

    /// <summary>
    /// Requests sent one after the other to the same chain, as one process would read them from a file: Apertium's
    /// transfer keeps state from one sentence to the next, so the lines of one text must not be spread over chains.
    /// </summary>
    public async Task<string[]> SendInOrderAsync(IReadOnlyList<string> requests, CancellationToken cancellationToken)
    {
        var replies = new string[requests.Count];
        await slots.WaitAsync(cancellationToken);
        try
        {
            ApertiumChain? chain = null;
            for (var i = 0; i < requests.Count; i++)
            {
                for (var attempt = 1; ; attempt++)
                {
                    ObjectDisposedException.ThrowIf(disposed, this);
                    chain ??= Take();
                    try
                    {
                        replies[i] = await chain.SendAsync(requests[i], timeout, cancellationToken);
                        break;
                    }
                    catch (Exception ex) when (ex is IOException or TimeoutException or ObjectDisposedException)
                    {
                        Retire(chain);
                        chain = null;
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
            if (chain is not null) idle.Add(chain);
            return replies;
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
