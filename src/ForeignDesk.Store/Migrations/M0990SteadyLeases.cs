namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Job and role leases counted on the machine's monotonic clock as well (<see cref="Sqlite.SteadyClock"/>): which clock
/// (<c>lease_clock</c>: this boot, and its tick rate) and the tick, in milliseconds, the lease ends at. Every process on
/// one machine reads the same monotonic clock, so a step of the wall clock no longer ends a lease early, or late.
/// </summary>
internal static class M0990SteadyLeases
{
    public static readonly SqliteMigration Migration = new("0990-steady-leases",
        """
        ALTER TABLE jobs ADD COLUMN lease_clock TEXT;
        ALTER TABLE jobs ADD COLUMN lease_until_tick INTEGER;
        ALTER TABLE leaders ADD COLUMN lease_clock TEXT;
        ALTER TABLE leaders ADD COLUMN lease_until_tick INTEGER;
        """);
}
