namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The admin area: its operators (password hashes, failed sign-ins, lockouts, session stamps) and what they change
/// of sources: paused sources (not polled) and each source's policy (<c>full</c> or <c>summary</c>); the editor's
/// paragraph corrections; readers' reports of translation problems; each engine's use per day.
/// </summary>
internal static class M0950Operators
{
    public static readonly SqliteMigration Migration = new("0950-operators",
        $"""
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
        CREATE TABLE segment_overrides (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            original_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            operator TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            PRIMARY KEY (article_id, paragraph)
        ) WITHOUT ROWID;
        CREATE INDEX segment_overrides_at ON segment_overrides(at_ms DESC);
        CREATE TRIGGER page_versions_override_insert AFTER INSERT ON segment_overrides BEGIN
            {M0700PageVersions.Touch("'article:' || new.article_id")}
        END;
        CREATE TRIGGER page_versions_override_update AFTER UPDATE ON segment_overrides BEGIN
            {M0700PageVersions.Touch("'article:' || new.article_id")}
        END;
        CREATE TABLE translation_reports (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            paragraph INTEGER,
            message TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            resolved_ms INTEGER
        );
        CREATE INDEX translation_reports_open ON translation_reports(id) WHERE resolved_ms IS NULL;
        CREATE TABLE engine_usage (
            day TEXT NOT NULL,
            engine TEXT NOT NULL,
            requests INTEGER NOT NULL,
            characters INTEGER NOT NULL,
            failures INTEGER NOT NULL,
            last_error TEXT,
            last_error_ms INTEGER,
            PRIMARY KEY (day, engine)
        ) WITHOUT ROWID;
        CREATE TRIGGER page_versions_override_delete AFTER DELETE ON segment_overrides BEGIN
            {M0700PageVersions.Touch("'article:' || old.article_id")}
        END;
        """);
}
