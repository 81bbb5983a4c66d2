using ForeignDesk.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>What a file offered as a store is: a ForeignDesk store with its articles and migrations, or why not.</summary>
/// <param name="Problem">Null when it is a store this build can open (its migrations are this build's or older ones).</param>
/// <param name="Migrations">The migrations it has, of <see cref="SqliteArticleStore.SchemaMigrationIds"/>.</param>
public sealed record StoreFileCheck(string? Problem, int Migrations, long Articles);

/// <summary>
/// The store's SQLite file as a whole: a consistent copy taken while the site and the pipeline write to it
/// (<c>VACUUM INTO</c> reads one snapshot; writers go on in the write-ahead log), whether a file is a store this build
/// can open, and whether a process has the store open now.
/// </summary>
public static class SqliteStoreFile
{
    /// <summary>The byte of the wal-index that every open connection holds a shared lock on (SQLite's os_unix.c, UNIX_SHM_DMS).</summary>
    private const long DeadManSwitch = 128;

    /// <summary>Copies the store at <paramref name="database"/> into <paramref name="destination"/>, which must not exist.</summary>
    /// <remarks>The copy is written beside the destination and renamed into place, so that a failed copy leaves nothing that looks whole.</remarks>
    public static async Task CopyAsync(string database, string destination, CancellationToken cancellationToken)
    {
        if (File.Exists(destination)) throw new IOException($"{destination} exists already");
        var partial = destination + ".partial";
        File.Delete(partial);
        try
        {
            await using (var connection = await OpenAsync(database, SqliteOpenMode.ReadOnly, cancellationToken))
            {
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $destination";
                vacuum.Parameters.AddWithValue("$destination", partial);
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
            File.Move(partial, destination);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Whether <paramref name="file"/> is a ForeignDesk store whose migrations are this build's or older ones.</summary>
    public static async Task<StoreFileCheck> CheckAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return new StoreFileCheck($"no file {file}", 0, 0);
        var header = new byte[16];
        await using (var stream = File.OpenRead(file))
        {
            if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) < header.Length
                || System.Text.Encoding.ASCII.GetString(header) != "SQLite format 3\0")
                return new StoreFileCheck($"{file} is not an SQLite database", 0, 0);
        }

        await using var connection = await OpenAsync(file, SqliteOpenMode.ReadOnly, cancellationToken);
        if (await ScalarAsync(connection, "PRAGMA quick_check", cancellationToken) is not "ok")
            return new StoreFileCheck($"{file} is a damaged SQLite database (quick_check failed)", 0, 0);
        if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'articles')", cancellationToken) is not 2L)
            return new StoreFileCheck($"{file} is an SQLite database but not a ForeignDesk store (no schema_migrations or articles table)", 0, 0);
        var applied = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
        }
        var known = SqliteSchema.Migrations.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        if (applied.FirstOrDefault(id => !known.Contains(id)) is { } newer)
            return new StoreFileCheck($"{file} has migration {newer}, which this build does not know: it comes from a newer ForeignDesk", applied.Count, 0);
        var articles = (long)(await ScalarAsync(connection, "SELECT count(*) FROM articles", cancellationToken) ?? 0L);
        return new StoreFileCheck(null, applied.Count, articles);
    }

    /// <summary>
    /// Whether a process has the store open. In write-ahead-log mode every connection holds a shared lock on one byte of
    /// the wal-index file (<c>-shm</c>), SQLite's "dead man switch", for as long as it is open: a write lock on that byte
    /// is refused while any connection of another process is open, and granted (then let go at once) when none is.
    /// </summary>
    /// <remarks>Where byte-range locks cannot be taken (macOS), the store is taken to be in use.</remarks>
    public static bool InUse(string database)
    {
        if (OperatingSystem.IsMacOS()) return File.Exists(database);
        var index = database + "-shm";
        if (!File.Exists(index)) return false;
        using var stream = new FileStream(index, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            stream.Lock(DeadManSwitch, 1);
            stream.Unlock(DeadManSwitch, 1);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string file, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
