using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The SQLite file locked by another process: busy or locked once the busy timeout has run out, and a locking protocol
/// error, which is what a reader gets after SQLite's own retries when another process holds the WAL index's locks.
/// </summary>
internal sealed class SqliteStoreFaults : IStoreFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Protocol = 15;

    /// <summary>Whether the error, or one it wraps, is the store locked by another process.</summary>
    public bool IsTemporary(Exception error)
    {
        for (Exception? inner = error; inner is not null; inner = inner.InnerException)
            if (inner is SqliteException { SqliteErrorCode: Busy or Locked or Protocol }) return true;
        return error is AggregateException all && all.InnerExceptions.Any(IsTemporary);
    }
}
