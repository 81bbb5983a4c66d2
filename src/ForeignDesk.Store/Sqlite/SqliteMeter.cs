using System.Diagnostics.Metrics;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The SQLite store's own measurements (meter <c>ForeignDesk.Store</c>, exported at /metrics when metrics are on): how
/// often connections are opened, how often the prepared reads start a connection whose statements are prepared anew, and
/// the memory SQLite holds in the process (page caches of every connection included).
/// </summary>
internal static class SqliteMeter
{
    private static readonly Meter Meter = new("ForeignDesk.Store");

    /// <summary>Connections opened (taken from the connection pool or opened anew), by every part of the store.</summary>
    public static readonly Counter<long> ConnectionsOpened =
        Meter.CreateCounter<long>("foreigndesk.store.connections.opened", "{connection}", "SQLite connections opened, pooled ones included.");

    /// <summary>Connections the prepared reads opened because none was idle: each prepares its statements again.</summary>
    public static readonly Counter<long> ReadConnectionsOpened =
        Meter.CreateCounter<long>("foreigndesk.store.read_connections.opened", "{connection}", "Connections the store's reads opened, their statements prepared again.");

    /// <summary>What SQLite holds now in this process, to compare with <see cref="SqliteDatabase.SharedCacheBytes"/>.</summary>
    public static readonly ObservableGauge<long> MemoryUsed =
        Meter.CreateObservableGauge("foreigndesk.store.sqlite.memory", () => SQLitePCL.raw.sqlite3_memory_used(), "By",
            "Memory SQLite holds in this process, every connection's page cache included.");
}
