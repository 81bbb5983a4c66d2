using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Bench.Web;

/// <summary>How big a store is: its file with the write-ahead log, and what its tables and indexes take (SQLite's dbstat).</summary>
/// <param name="FreeBytes">Pages of the database that hold nothing (left by merges of the search index), reused by later writes.</param>
internal sealed record StoreSize(long DatabaseBytes, long WalBytes, long FreeBytes, IReadOnlyList<(string Part, long Bytes)> Parts)
{
    private const string PartsQuery =
        """
        SELECT d.name, COALESCE(m.type, ''), COALESCE(m.tbl_name, d.name), SUM(d.pgsize)
        FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY d.name
        """;

    public long FileBytes => DatabaseBytes + WalBytes;

    /// <summary>
    /// Reads the sizes of the database at <paramref name="path"/>, by part with this process's SQLite when it has dbstat,
    /// else with the <c>sqlite3</c> program; <see cref="Parts"/> is empty when neither has it.
    /// </summary>
    public static async Task<StoreSize> MeasureAsync(string path, CancellationToken cancellationToken)
    {
        var wal = path + "-wal";
        var rows = await InProcessAsync(path, cancellationToken) ?? await ProgramAsync(path, cancellationToken) ?? [];
        var parts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, type, table, bytes) in rows) parts[Part(name, type, table)] = parts.GetValueOrDefault(Part(name, type, table)) + bytes;
        return new StoreSize(new FileInfo(path).Length, File.Exists(wal) ? new FileInfo(wal).Length : 0, await FreeBytesAsync(path, cancellationToken),
            parts.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value)).ToList());
    }

    private static async Task<long> FreeBytesAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT f.freelist_count * p.page_size FROM pragma_freelist_count f, pragma_page_size p";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<List<(string, string, string, long)>?> InProcessAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = PartsQuery;
        try
        {
            var rows = new List<(string, string, string, long)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
            return rows;
        }
        catch (SqliteException)
        {
            return null; // built without SQLITE_ENABLE_DBSTAT_VTAB
        }
    }

    /// <summary>The same query through Debian's <c>sqlite3</c> program (built with dbstat), read-only; null when it is missing or fails.</summary>
    private static async Task<List<(string, string, string, long)>?> ProgramAsync(string path, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-readonly", "-separator", "\t", path, PartsQuery.ReplaceLineEndings(" ") }) info.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(info);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await errors;
            if (process.ExitCode != 0) return null;
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Where(f => f.Length == 4 && long.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                .Select(f => (f[0], f[1], f[2], long.Parse(f[3], CultureInfo.InvariantCulture)))
                .ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no sqlite3 program
        }
    }

    /// <summary>The group a table or index belongs to: the articles table, its indexes, the search index, raw pages, or the rest by table.</summary>
    internal static string Part(string name, string type, string table) =>
        name.StartsWith("article_search", StringComparison.Ordinal) ? "search index"
        : table == "articles" && type == "table" ? "articles table"
        : table == "articles" ? "articles indexes"
        : table == "pages" ? "raw pages"
        : table;
}
