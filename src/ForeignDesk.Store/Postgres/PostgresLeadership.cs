using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>
/// Roles on PostgreSQL: a role is a session advisory lock (<c>pg_try_advisory_lock</c>, keyed by the role's name) held on
/// a connection of its own for as long as its holder keeps the role. Disposing unlocks it; a holder killed, or whose
/// connection dies, loses it at once, since the server ends the session and its locks with the connection.
/// </summary>
public sealed class PostgresLeadership(NpgsqlDataSource dataSource) : ILeadership
{
    /// <summary>The first key of every role's lock (the second is the role's hash), apart from the store's one-key locks.</summary>
    private const int LockSpace = 0x466f_7265;

    public async Task<ILeadershipLease?> TryAcquireAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await PostgresDatabase.ScalarAsync(connection, "SELECT pg_try_advisory_lock(@space, hashtext(@role))", cancellationToken,
                    ("space", LockSpace), ("role", role)) is true)
                return new Lease(connection, role);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class Lease(NpgsqlConnection connection, string role) : ILeadershipLease
    {
        public string Role => role;

        /// <summary>The lock lives as long as its session: the role is held while the connection answers.</summary>
        public async Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await PostgresDatabase.ScalarAsync(connection, "SELECT 1", cancellationToken) is 1;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await PostgresDatabase.ExecuteAsync(connection, "SELECT pg_advisory_unlock(@space, hashtext(@role))", CancellationToken.None,
                    ("space", LockSpace), ("role", role));
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection died: the server has ended the session and its lock with it.
            }
            await connection.DisposeAsync();
        }
    }
}
