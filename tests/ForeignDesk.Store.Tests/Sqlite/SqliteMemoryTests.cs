using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>
/// SQLite's memory in a process with many pooled connections: each caches up to
/// <see cref="SqliteDatabase.ConnectionCacheBytes"/> of pages, and all together stay near
/// <see cref="SqliteDatabase.SharedCacheBytes"/> however many are open (twenty connections reading a 40 MB file would
/// hold 320 MiB otherwise).
/// </summary>
public sealed class SqliteMemoryTests
{
    /// <summary>SQLITE_DBSTATUS_CACHE_USED: the bytes of a connection's page cache.</summary>
    private const int CacheUsedStatus = 1;

    [Fact]
    public async Task Each_connection_caches_up_to_its_share_and_many_together_stay_within_the_process_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TemporaryDataFolder("foreigndesk-memory-");
        var database = new SqliteDatabase(Path.Combine(folder.Path, "large.db"), create: true);
        await using (var writer = await database.OpenAsync(ct))
        {
            await using var fill = writer.CreateCommand();
            fill.CommandText = """
                CREATE TABLE pages (body BLOB NOT NULL);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
                INSERT INTO pages SELECT randomblob(1000) FROM n;
                """;
            await fill.ExecuteNonQueryAsync(ct);
        }

        // All open at once, so that each is a connection of its own with a cache of its own.
        var open = new List<Microsoft.Data.Sqlite.SqliteConnection>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var connection = await database.OpenAsync(ct);
                open.Add(connection);
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT sum(length(body)) FROM pages;";
                Assert.Equal(40_000L * 1000, (long)(await read.ExecuteScalarAsync(ct))!);
                if (i == 0)
                {
                    // Alone, the connection keeps its whole share (SQLite's default would be 2 MiB) and no more.
                    var cached = CacheUsed(connection);
                    Assert.InRange(cached, SqliteDatabase.ConnectionCacheBytes * 3 / 4, SqliteDatabase.ConnectionCacheBytes + (1L << 20));
                }
            }

            var used = SQLitePCL.raw.sqlite3_memory_used();
            Assert.True(used <= SqliteDatabase.SharedCacheBytes + (32L << 20), $"SQLite holds {used >> 20} MiB with {open.Count} connections open");
            Assert.All(open, connection => Assert.True(CacheUsed(connection) <= SqliteDatabase.ConnectionCacheBytes + (1L << 20)));
        }
        finally
        {
            foreach (var connection in open) await connection.DisposeAsync();
        }
    }

    private static long CacheUsed(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        Assert.Equal(0, SQLitePCL.raw.sqlite3_db_status(connection.Handle, CacheUsedStatus, out var current, out _, 0));
        return current;
    }
}
