namespace ForeignDesk.Core;

/// <summary>
/// When each host may next be fetched, kept in the store so that per-host politeness holds across every worker of every
/// machine: each fetch first reserves its host's next slot, and the slots of one host are at least the politeness
/// delay (or the host's Crawl-delay) apart, whichever process reserves them.
/// </summary>
public interface IHostSlots
{
    /// <summary>
    /// Reserves the host's next free slot (now, when it has passed) and moves the next free slot on to
    /// <paramref name="spacing"/> after it, in one atomic step: reservers at the same moment get slots
    /// <paramref name="spacing"/> apart. A reserved slot lying further ahead than <see cref="MaxAhead"/> spacings (the
    /// clock was set back since) is forgotten, and the host is free now.
    /// </summary>
    /// <returns>When the caller may send its request (now, or later: it waits until then).</returns>
    Task<DateTimeOffset> ReserveAsync(string host, TimeSpan spacing, CancellationToken cancellationToken);

    /// <summary>How many spacings ahead a host's next slot may lie before it is taken for a clock set back.</summary>
    public const int MaxAhead = 64;
}
