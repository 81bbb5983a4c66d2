namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The admin area: its operators (password hashes, failed sign-ins, lockouts, session stamps) and what they change
/// of sources: paused sources (not polled) and each source's policy (<c>full</c> or <c>summary</c>).
/// </summary>
internal static class M0950Operators
{
    public static readonly SqliteMigration Migration = new("0950-operators",
        """
        CREATE TABLE operators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            session_stamp TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until_ms INTEGER,
            last_sign_in_ms INTEGER,
            created_ms INTEGER NOT NULL
        );
        ALTER TABLE sources ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sources ADD COLUMN policy TEXT NOT NULL DEFAULT 'full';
        CREATE INDEX problems_source ON problems(source_id, id);
        """);
}
