using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// Hosts' fetch slots in the store's SQLite file (table <c>host_slots</c>, migration 0920), shared by every process
/// that opens it and counted on the machine's monotonic clock (<see cref="SteadyClock"/>, as leases are), so that a
/// process whose wall clock is set ahead or back keeps the others' slots.
/// </summary>
public sealed class SqliteHostSlots(string databasePath, TimeProvider time) : IHostSlots
{
    private static readonly string Sql = HostSlotReservation.Sql("@now");
    private readonly SqliteDatabase _database = new(databasePath, create: false);
    private readonly SteadyClock _steady = new(time);

    public async Task<TimeSpan> ReserveAsync(string host, TimeSpan spacing, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        foreach (var (name, value) in HostSlotReservation.Parameters(host, spacing))
            command.Parameters.AddWithValue("@" + name, value);
        command.Parameters.AddWithValue("@now", _steady.StoreNowMs);
        return HostSlotReservation.Wait((long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }
}
