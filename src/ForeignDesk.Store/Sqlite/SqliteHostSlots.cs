using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Hosts' fetch slots in the store's SQLite file (table <c>host_slots</c>, migration 0920), shared by every process that opens it.</summary>
public sealed class SqliteHostSlots(string databasePath, TimeProvider time) : IHostSlots
{
    private readonly SqliteDatabase _database = new(databasePath, create: false);

    public async Task<DateTimeOffset> ReserveAsync(string host, TimeSpan spacing, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = HostSlotReservation.Sql;
        foreach (var (name, value) in HostSlotReservation.Parameters(host, spacing, time.GetUtcNow()))
            command.Parameters.AddWithValue("@" + name, value);
        return HostSlotReservation.Slot((long)(await command.ExecuteScalarAsync(cancellationToken))!, spacing);
    }
}
