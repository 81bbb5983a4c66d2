namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The machine's monotonic clock, which every process of one boot reads alike and no step of the wall clock moves: what
/// leases in the SQLite file (jobs and roles, one machine) are ended by. A lease records the clock it was counted on
/// (<see cref="Name"/>) and the tick it ends at; a process reading the same clock ends it by ticks alone, so a process
/// whose wall clock jumps a day ahead takes nothing that still runs, and one whose clock went back waits no longer than
/// the lease. A lease counted on another clock (before a reboot, or where the boot cannot be named) ends by the wall
/// clock, as before.
/// </summary>
internal sealed class SteadyClock(TimeProvider time)
{
    private const string BootIdFile = "/proc/sys/kernel/random/boot_id";

    /// <summary>This boot of this machine and the clock's tick rate; null where the boot cannot be named.</summary>
    public string? Name { get; } = BootId() is { } boot ? $"{boot}/{time.TimestampFrequency}" : null;

    /// <summary>The monotonic clock now, in milliseconds.</summary>
    public long NowMs => (long)((Int128)time.GetTimestamp() * 1000 / time.TimestampFrequency);

    /// <summary>
    /// The store's clock for what every process of the file counts on (hosts' fetch slots), in milliseconds: the
    /// monotonic clock, which they all read alike; the wall clock where the boot cannot be named.
    /// </summary>
    public long StoreNowMs => Name is null ? time.GetUtcNow().ToUnixTimeMilliseconds() : NowMs;

    /// <summary>
    /// SQL that is true when the lease of a row of <paramref name="table"/> (columns <c>lease_clock</c>,
    /// <c>lease_until_tick</c> and the wall-clock expiry <paramref name="wallExpiry"/>) has ended, given the parameters
    /// <c>$clock</c>, <c>$tick</c> and <c>$now</c> (<see cref="Bind"/>).
    /// </summary>
    public static string EndedSql(string table, string wallExpiry) =>
        $"CASE WHEN {table}.lease_clock = $clock THEN {table}.lease_until_tick <= $tick ELSE {table}.{wallExpiry} <= $now END";

    /// <summary>Binds <c>$clock</c> and <c>$tick</c> (now) for <see cref="EndedSql"/> and for writing a lease.</summary>
    public void Bind(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        command.Parameters.AddWithValue("$clock", (object?)Name ?? DBNull.Value);
        command.Parameters.AddWithValue("$tick", NowMs);
    }

    private static string? BootId()
    {
        try
        {
            return File.Exists(BootIdFile) ? File.ReadAllText(BootIdFile).Trim() is { Length: > 0 } id ? id : null : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
