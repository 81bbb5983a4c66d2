using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The one SQLite file behind the store and the translation memory: how it is opened, and the settings every
/// connection to it gets.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>The page cache each connection may keep: 16 MiB (SQLite's default is 2 MiB).</summary>
    public const long ConnectionCacheBytes = 16L << 20;

    /// <summary>
    /// The memory SQLite may hold in this process, page caches of every connection included (a soft limit, shared by
    /// all connections to every file): 256 MiB. It is a bound for many pooled connections, not the working size: the
    /// store's reads keep eight connections (128 MiB of caches at most), because past the limit every allocation
    /// SQLite makes first frees cached pages under its global lock (at a million articles, new searches ran at 358 a
    /// second under a 64 MiB limit and 438 with 16 MiB caches that never reached a limit).
    /// </summary>
    public const long SharedCacheBytes = 256L << 20;

    private readonly string _connectionString;

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>How the file is opened (pooled, with the store's settings).</summary>
    public string ConnectionString => _connectionString;

    /// <param name="create">Create the file (and its folder) when missing; otherwise it must exist already.</param>
    public SqliteDatabase(string path, bool create)
    {
        Path = path;
        if (create && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The native connections already set up: a pooled connection keeps its settings, so they are set once.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteMeter.ConnectionsOpened.Add(1);
        if (connection.Handle is { } handle && _configured.TryGetValue(handle, out _)) return connection;
        await using var pragma = connection.CreateCommand();
        // A page cache per (pooled) connection keeps the search index's hot pages, and all of them together stay within
        // the process's soft heap limit: past it SQLite reuses cached pages instead of taking more memory, so memory
        // does not grow with the number of pooled connections.
        pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -{ConnectionCacheBytes >> 10}; PRAGMA soft_heap_limit = {SharedCacheBytes};";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        if (connection.Handle is { } opened) _configured.AddOrUpdate(opened, this);
        return connection;
    }
}
