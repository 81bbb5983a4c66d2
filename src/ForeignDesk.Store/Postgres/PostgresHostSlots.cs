using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>
/// Hosts' fetch slots on PostgreSQL (table <c>host_slots</c>, migration 0005), shared by every worker of every machine
/// and counted on the database server's clock (<c>store_now_ms()</c>), whatever each worker's clock says.
/// </summary>
public sealed class PostgresHostSlots(NpgsqlDataSource dataSource) : IHostSlots
{
    private static readonly string Sql = HostSlotReservation.Sql("store_now_ms()");
    private readonly PostgresDatabase _database = new(dataSource);

    public async Task<TimeSpan> ReserveAsync(string host, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var wait = await _database.QueryAsync(Sql, r => r.GetInt64(0), cancellationToken, HostSlotReservation.Parameters(host, spacing));
        return HostSlotReservation.Wait(wait[0]);
    }
}
