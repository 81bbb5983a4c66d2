using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>Hosts' fetch slots on PostgreSQL (table <c>host_slots</c>, migration 0005), shared by every worker of every machine.</summary>
public sealed class PostgresHostSlots(NpgsqlDataSource dataSource, TimeProvider time) : IHostSlots
{
    private readonly PostgresDatabase _database = new(dataSource);

    public async Task<DateTimeOffset> ReserveAsync(string host, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var next = await _database.QueryAsync(HostSlotReservation.Sql, r => r.GetInt64(0), cancellationToken,
            HostSlotReservation.Parameters(host, spacing, time.GetUtcNow()));
        return HostSlotReservation.Slot(next[0], spacing);
    }
}
