using ForeignDesk.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Cli;

/// <summary>
/// Says so when a failed write came from a full disk: SQLite reports a disk without space as "disk I/O error" when it
/// cannot even create its journal files, which alone does not tell an operator what to do.
/// </summary>
internal static class FullDisk
{
    /// <summary>Below this much free space, a store or file error is put down to the disk being full.</summary>
    private const long NearlyFull = 1 << 20;

    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <returns>" (the disk holding DIR is full: N bytes free)", or "" when the error has another cause.</returns>
    /// <param name="data"><c>--data</c> as given.</param>
    public static string Note(Exception error, string? data)
    {
        if (error is not (SqliteException { SqliteErrorCode: SqliteIoError or SqliteFull } or IOException)) return "";
        try
        {
            var folder = CommandHost.DataDirectory(data);
            var existing = new DirectoryInfo(folder);
            while (existing is { Exists: false }) existing = existing.Parent;
            if (existing is null) return "";
            var drive = new DriveInfo(existing.FullName);
            // A file system of the kernel's (/proc, /sys) has no size at all: it is not a disk that filled up.
            if (drive.TotalSize == 0) return "";
            var free = drive.AvailableFreeSpace;
            return free < NearlyFull ? $" (the disk holding {folder} is full: {free} bytes free)" : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or UsageException)
        {
            return "";
        }
    }
}
