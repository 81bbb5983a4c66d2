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

    public bool IsTemporary(Exception error) => error is SqliteException { SqliteErrorCode: Busy or Locked or Protocol };
}
