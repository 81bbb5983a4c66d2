namespace ForeignDesk.Core;

/// <summary>
/// When each host may next be fetched, kept in the store so that per-host politeness holds across every worker of every
/// machine: each fetch first reserves its host's next slot, and the slots of one host are at least the politeness
/// delay (or the host's Crawl-delay) apart, whichever process reserves them. Slots are counted on the store's clock,
/// never the reserving process's: a worker whose clock is off by a day keeps the others' slots, and they keep its.
/// </summary>
public interface IHostSlots
{
    /// <summary>
    /// Reserves the host's next free slot (now, when it has passed) and moves the next free slot on to
    /// <paramref name="spacing"/> after it, in one atomic step: reservers at the same moment get slots
    /// <paramref name="spacing"/> apart. A reserved slot lying further ahead than <see cref="MaxAhead"/> spacings (the
    /// store's clock was set back since) is forgotten, and the host is free now.
    /// </summary>
    /// <returns>How long the caller waits before it sends its request (zero: now), on the store's clock.</returns>
    Task<TimeSpan> ReserveAsync(string host, TimeSpan spacing, CancellationToken cancellationToken);

    /// <summary>How many spacings ahead a host's next slot may lie before it is taken for a clock set back.</summary>
    public const int MaxAhead = 64;
}
