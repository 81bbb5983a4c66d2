using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Bench;

/// <summary>
/// A generated benchmark store kept between runs (<c>--store FILE</c>): reused when it holds the same number of
/// articles and a schema this build can migrate it to (every migration it records is one of this build's), copied
/// into the bench's own folder so that a run never changes the kept file except to save it migrated.
/// </summary>
internal static class BenchStoreFile
{
    /// <summary>Copies <paramref name="file"/> to <paramref name="target"/> when it can be reused.</summary>
    /// <returns>Why it was not reused (null when it was), and whether the copy still has migrations to run.</returns>
    public static async Task<(string? NotReused, bool Migrates)> TryReuseAsync(string file, int articles, string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return ($"no store at {file} yet", false);
        await using var source = await OpenAsync(file, SqliteOpenMode.ReadOnly, cancellationToken);
        var applied = await ReadMigrationsAsync(source, cancellationToken);
        var known = SqliteArticleStore.SchemaMigrationIds;
        if (applied is null || !applied.All(known.Contains))
            return ($"{file} has a schema this build does not know", false);
        await using (var count = source.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM articles";
            var stored = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (stored != articles) return ($"{file} holds {stored} articles, not {articles}", false);
        }
        await CopyAsync(source, target, cancellationToken);
        return (null, applied.Count < known.Count);
    }

    /// <summary>Saves the store at <paramref name="path"/> (a consistent copy, WAL included) as <paramref name="file"/>.</summary>
    public static async Task SaveAsync(string path, string file, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        var temporary = file + ".tmp";
        File.Delete(temporary);
        await using (var source = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken))
            await CopyAsync(source, temporary, cancellationToken);
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>The article ids of the store at <paramref name="path"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<long>> ArticleIdsAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM articles ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static async Task<List<string>?> ReadMigrationsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM schema_migrations";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            return ids;
        }
        catch (SqliteException)
        {
            return null; // not a ForeignDesk store
        }
    }

    private static async Task CopyAsync(SqliteConnection source, string target, CancellationToken cancellationToken)
    {
        await using var destination = await OpenAsync(target, SqliteOpenMode.ReadWriteCreate, cancellationToken);
        source.BackupDatabase(destination);
    }

    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        // The backup takes its locks through SQLite's own busy handler: a moment's lock elsewhere (a checkpoint as another
        // connection to the store closes) is waited out rather than failing the copy.
        await using var wait = connection.CreateCommand();
        wait.CommandText = "PRAGMA busy_timeout = 30000";
        await wait.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
