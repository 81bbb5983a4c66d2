using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// The one statement that reserves a host's next fetch slot (<see cref="IHostSlots.ReserveAsync"/>), the same on both
/// engines: an upsert that moves the host's next free slot on by the spacing and returns how long until the slot it
/// passed over. The row's lock (PostgreSQL) or the file's write lock (SQLite) makes reservers at the same moment take
/// turns. Every instant is the store's clock (as for leases), never the reserving worker's: PostgreSQL's
/// <c>store_now_ms()</c>, the machine's monotonic clock for a SQLite file (<see cref="Sqlite.SteadyClock"/>). A slot
/// written on another clock (before an upgrade, or a reboot) lies behind, or too far ahead, and the host is free now.
/// </summary>
internal static class HostSlotReservation
{
    /// <summary>The statement, with <paramref name="now"/> the SQL of the store's clock in Unix milliseconds.</summary>
    public static string Sql(string now) =>
        $"""
        INSERT INTO host_slots (host, next_ms) VALUES (@host, {now} + @spacing)
        ON CONFLICT (host) DO UPDATE SET next_ms =
            CASE WHEN host_slots.next_ms < {now} OR host_slots.next_ms > {now} + @ahead THEN {now} ELSE host_slots.next_ms END + @spacing
        RETURNING next_ms - @spacing - {now}
        """;

    /// <summary>The statement's parameters for a reservation of <paramref name="host"/>.</summary>
    public static (string Name, object? Value)[] Parameters(string host, TimeSpan spacing)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var ms = Math.Max(0, (long)spacing.TotalMilliseconds);
        return [("host", host), ("spacing", ms), ("ahead", ms * IHostSlots.MaxAhead)];
    }

    /// <summary>The wait until the slot reserved, from the milliseconds the statement returned.</summary>
    public static TimeSpan Wait(long waitMs) => TimeSpan.FromMilliseconds(Math.Max(0, waitMs));
}
