using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// The one statement that reserves a host's next fetch slot (<see cref="IHostSlots.ReserveAsync"/>), the same on both
/// engines: an upsert that moves the host's next free slot on by the spacing and returns the slot it passed over. The
/// row's lock (PostgreSQL) or the file's write lock (SQLite) makes reservers at the same moment take turns.
/// </summary>
internal static class HostSlotReservation
{
    public const string Sql =
        """
        INSERT INTO host_slots (host, next_ms) VALUES (@host, @now + @spacing)
        ON CONFLICT (host) DO UPDATE SET next_ms =
            CASE WHEN host_slots.next_ms < @now OR host_slots.next_ms > @now + @ahead THEN @now ELSE host_slots.next_ms END + @spacing
        RETURNING next_ms
        """;

    /// <summary>The statement's parameters for a reservation at <paramref name="now"/>.</summary>
    public static (string Name, object? Value)[] Parameters(string host, TimeSpan spacing, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var ms = Math.Max(0, (long)spacing.TotalMilliseconds);
        return [("host", host), ("now", now.ToUnixTimeMilliseconds()), ("spacing", ms), ("ahead", ms * IHostSlots.MaxAhead)];
    }

    /// <summary>The slot reserved, from the host's next free slot that the statement returned.</summary>
    public static DateTimeOffset Slot(long nextMs, TimeSpan spacing) =>
        DateTimeOffset.FromUnixTimeMilliseconds(nextMs - Math.Max(0, (long)spacing.TotalMilliseconds));
}
