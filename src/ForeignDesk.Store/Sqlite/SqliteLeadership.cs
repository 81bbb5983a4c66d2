using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// Roles in the store's SQLite file (table <c>leaders</c>, migration 0930): a role is a row naming its holder and when
/// its lease expires; taking it is one upsert that succeeds only where the row is missing or expired, and its holder
/// renews it until it gives it up. A holder killed frees its role when the lease expires, by the machine's monotonic
/// clock (<see cref="SteadyClock"/>, migration 0990): a process whose wall clock jumps ahead takes no role still held.
/// </summary>
/// <param name="leaseTime">How long a lease lasts unless renewed (<see cref="JobOptions.LeaseTime"/>, as a job's).</param>
public sealed class SqliteLeadership(string databasePath, TimeProvider time, TimeSpan leaseTime) : ILeadership
{
    private readonly SqliteDatabase _database = new(databasePath, create: false);
    private readonly SteadyClock _steady = new(time);

    public async Task<ILeadershipLease?> TryAcquireAsync(string role, CancellationToken cancellationToken)
    {
        var holder = Guid.NewGuid().ToString("N");
        var taken = await ExecuteAsync(
            $"""
            INSERT INTO leaders (role, holder, expires_ms, lease_clock, lease_until_tick) VALUES ($role, $holder, $until, $clock, $tick + $lease)
            ON CONFLICT (role) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms,
                lease_clock = excluded.lease_clock, lease_until_tick = excluded.lease_until_tick
            WHERE {SteadyClock.EndedSql("leaders", "expires_ms")}
            """, role, holder, cancellationToken);
        return taken == 1 ? new Lease(this, role, holder) : null;
    }

    private async Task<int> ExecuteAsync(string sql, string role, string holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$holder", holder);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", (now + leaseTime).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$lease", (long)leaseTime.TotalMilliseconds);
        _steady.Bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Lease(SqliteLeadership leadership, string role, string holder) : ILeadershipLease
    {
        public string Role => role;

        public async Task<bool> RenewAsync(CancellationToken cancellationToken) =>
            await leadership.ExecuteAsync(
                "UPDATE leaders SET expires_ms = $until, lease_clock = $clock, lease_until_tick = $tick + $lease WHERE role = $role AND holder = $holder",
                role, holder, cancellationToken) == 1;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await leadership.ExecuteAsync("DELETE FROM leaders WHERE role = $role AND holder = $holder", role, holder, CancellationToken.None);
            }
            catch (SqliteException)
            {
                // The store is away: the lease expires by itself.
            }
        }
    }
}
