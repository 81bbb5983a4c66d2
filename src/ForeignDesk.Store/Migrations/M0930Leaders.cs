namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Roles one process at a time holds (the story clusterer): the holder's lease and when it expires (Unix milliseconds)
/// unless renewed. One row per role ever held.
/// </summary>
internal static class M0930Leaders
{
    public static readonly SqliteMigration Migration = new("0930-leaders",
        "CREATE TABLE leaders (role TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_ms INTEGER NOT NULL) WITHOUT ROWID;");
}
