namespace ForeignDesk.Store.Migrations;

/// <summary>Endpoints of sources (feed, sitemap, section page), each with its own polling state.</summary>
internal static class M0200Endpoints
{
    public static readonly SqliteMigration Migration = new("0200-endpoints",
        """
        CREATE TABLE endpoints (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            kind TEXT NOT NULL,
            interval_s INTEGER NOT NULL DEFAULT 300,
            next_poll_ms INTEGER,
            last_success_ms INTEGER,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            PRIMARY KEY (source_id, url)
        );
        CREATE INDEX endpoints_next_poll ON endpoints(next_poll_ms);
        """);
}
