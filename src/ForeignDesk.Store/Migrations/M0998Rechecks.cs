namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Checks of published articles: jobs may wait in the state <c>scheduled</c> until they are due (the table is rebuilt,
/// as SQLite cannot change a CHECK, with every column that migrations 0910 and 0990 added), and an article the outlet removed keeps its row with <c>removed_ms</c> set and loses
/// its list line, which no later change of the article brings back, so it leaves every list, feed, sitemap and search.
/// </summary>
internal static class M0998Rechecks
{
    private const string JobColumns =
        "id, kind, key, payload, state, due_ms, leases, failures, holder, again, last_error, created_ms, died_ms, expiries, lease_clock, lease_until_tick";

    public static readonly SqliteMigration Migration = new("0998-rechecks",
        $"""
        CREATE TABLE jobs_scheduled (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            payload TEXT,
            state TEXT NOT NULL CHECK (state IN ('queued', 'scheduled', 'running', 'failed', 'dead')),
            due_ms INTEGER,
            leases INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            holder TEXT,
            again INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_ms INTEGER NOT NULL,
            died_ms INTEGER,
            expiries INTEGER NOT NULL DEFAULT 0,
            lease_clock TEXT,
            lease_until_tick INTEGER,
            UNIQUE (kind, key)
        );
        INSERT INTO jobs_scheduled ({JobColumns}) SELECT {JobColumns} FROM jobs;
        DROP TABLE jobs;
        ALTER TABLE jobs_scheduled RENAME TO jobs;
        CREATE INDEX jobs_due ON jobs (due_ms) WHERE due_ms IS NOT NULL;
        CREATE INDEX jobs_state ON jobs (state, died_ms);

        ALTER TABLE articles ADD COLUMN removed_ms INTEGER;
        DROP TRIGGER article_lines_update;
        CREATE TRIGGER article_lines_update AFTER UPDATE OF source_id, original, translation, category, published_ms, language, state ON articles
        WHEN new.removed_ms IS NULL BEGIN
            INSERT OR REPLACE INTO article_lines ({M0800ArticleLines.Columns}) VALUES ({M0800ArticleLines.Values("new")});
        END;
        CREATE TRIGGER article_removed AFTER UPDATE OF removed_ms ON articles WHEN new.removed_ms IS NOT NULL BEGIN
            DELETE FROM article_lines WHERE id = new.id;
            {M0700PageVersions.Touch("'latest'", "'article:' || new.id", "'day:' || new.local_date", "'category:' || new.category", "'source:' || new.source_id")}
            {M0700PageVersions.TouchStoryOf("new.id")}
        END;
        """);
}
