using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>
/// Reads in one snapshot on the kept connections (<see cref="PreparedReads.InSnapshotAsync{T}"/>): they agree while
/// another connection writes, and the connection kept afterwards, failed reads included, sees what was written since.
/// </summary>
public sealed class PreparedReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Count(PreparedReads.Session session) => (long)session.Scalar("SELECT COUNT(*) FROM items")!;

    private static async Task<(SqliteDatabase Database, SqliteConnection Writer)> OpenAsync(string folder)
    {
        var database = new SqliteDatabase(Path.Combine(folder, "reads.db"), create: true);
        var writer = await database.OpenAsync(Ct);
        await using var create = writer.CreateCommand();
        create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE items (id INTEGER PRIMARY KEY); INSERT INTO items VALUES (1);";
        await create.ExecuteNonQueryAsync(Ct);
        return (database, writer);
    }

    private static void Insert(SqliteConnection writer, long id)
    {
        using var insert = writer.CreateCommand();
        insert.CommandText = $"INSERT INTO items VALUES ({id})";
        insert.ExecuteNonQuery();
    }

    [Fact]
    public async Task ReadsInASnapshot_Agree_WhileAnotherConnectionWrites_AndTheNextSnapshotSeesTheWrite()
    {
        using var folder = new TemporaryDataFolder("foreigndesk-reads-");
        var (database, writer) = await OpenAsync(folder.Path);
        await using var _ = writer;
        var reads = new PreparedReads(database);

        var (before, after) = await reads.InSnapshotAsync(session =>
        {
            var first = Count(session);
            Insert(writer, 2);
            return (first, Count(session));
        }, Ct);
        var next = await reads.InSnapshotAsync(Count, Ct);

        Assert.Equal((1L, 1L), (before, after));
        Assert.Equal(2L, next);
    }

    [Fact]
    public async Task AFailedSnapshot_LeavesNoTransactionOpen()
    {
        using var folder = new TemporaryDataFolder("foreigndesk-reads-");
        var (database, writer) = await OpenAsync(folder.Path);
        await using var _ = writer;
        var reads = new PreparedReads(database);

        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.InSnapshotAsync<long>(session =>
        {
            Count(session);
            throw new InvalidOperationException("a read failed");
        }, Ct));
        Insert(writer, 2);

        Assert.Equal(2L, await reads.InSnapshotAsync(Count, Ct));
        Assert.Equal([1L, 2L], await reads.QueryAsync("SELECT id FROM items ORDER BY id", r => r.GetInt64(0), Ct, []));
    }
}
