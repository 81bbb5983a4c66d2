using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>
/// SQLite's memory in a process with many pooled connections: each may cache up to 32 MiB of pages, but all together
/// stay near <see cref="SqliteDatabase.SharedCacheBytes"/> (six connections reading a 40 MB file each held about
/// 200 MB before).
/// </summary>
public sealed class SqliteMemoryTests
{
    private const int Connections = 6;

    [Fact]
    public async Task PooledConnectionsReadingALargeFile_ShareOneBoundedPageCache()
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
            for (var i = 0; i < Connections; i++)
            {
                var connection = await database.OpenAsync(ct);
                open.Add(connection);
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT sum(length(body)) FROM pages;";
                Assert.Equal(40_000L * 1000, (long)(await read.ExecuteScalarAsync(ct))!);
            }

            var used = SQLitePCL.raw.sqlite3_memory_used();
            Assert.True(used <= SqliteDatabase.SharedCacheBytes + (16L << 20), $"SQLite holds {used >> 20} MiB with {Connections} connections open");
        }
        finally
        {
            foreach (var connection in open) await connection.DisposeAsync();
        }
    }
}
