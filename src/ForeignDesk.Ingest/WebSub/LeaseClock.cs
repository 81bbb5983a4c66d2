namespace ForeignDesk.Ingest.WebSub;

/// <summary>
/// The time WebSub leases are requested, granted, renewed and expired by: the wall clock as it read when the process
/// first asked, moved on since by the monotonic clock. A hub counts a lease in real seconds, so a step of the system
/// clock (an NTP correction, an operator) must not make every lease look over at once when it goes forward, nor put
/// renewals off past the hub's expiry when it goes back. One instance per process; a restart reads the wall clock again.
/// </summary>
public sealed class LeaseClock(TimeProvider time)
{
    private readonly DateTimeOffset started = time.GetUtcNow();
    private readonly long startedAt = time.GetTimestamp();

    public DateTimeOffset GetUtcNow() => started + time.GetElapsedTime(startedAt);
}
