namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The durable job queue. <c>due_ms</c> is when a job may next be leased: its run time while queued or failed, its
/// lease expiry while running, null once dead; workers lease the job due longest. One row per kind and key, so that
/// a step enqueued twice runs once.
/// </summary>
internal static class M0900Jobs
{
    public static readonly SqliteMigration Migration = new("0900-jobs",
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            payload TEXT,
            state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'failed', 'dead')),
            due_ms INTEGER,
            leases INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            holder TEXT,
            again INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_ms INTEGER NOT NULL,
            died_ms INTEGER,
            UNIQUE (kind, key)
        );
        CREATE INDEX jobs_due ON jobs (due_ms) WHERE due_ms IS NOT NULL;
        CREATE INDEX jobs_state ON jobs (state, died_ms);
        """);
}
