using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>What Npgsql itself counts as transient: a dropped connection, a serialization failure, a deadlock, a server shutting down.</summary>
internal sealed class PostgresStoreFaults : IStoreFaults
{
    public bool IsTemporary(Exception error) => error is NpgsqlException { IsTransient: true };
}
