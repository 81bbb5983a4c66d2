namespace ForeignDesk.Store.Migrations;

/// <summary>Sources, fetch validators, problems, articles, raw pages and views.</summary>
internal static class M0001Initial
{
    public static readonly SqliteMigration Migration = new("0001-initial",
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            home_url TEXT NOT NULL,
            feed_urls TEXT NOT NULL,
            language TEXT,
            category TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            last_fetch_ms INTEGER,
            last_success_ms INTEGER,
            last_error TEXT,
            consecutive_errors INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT
        );
        CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL,
            url TEXT NOT NULL,
            stage TEXT NOT NULL,
            message TEXT NOT NULL,
            at_ms INTEGER NOT NULL
        );
        CREATE INDEX problems_at ON problems(at_ms DESC);
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            url TEXT NOT NULL UNIQUE,
            language TEXT NOT NULL,
            original TEXT NOT NULL,
            published_ms INTEGER NOT NULL,
            published_estimated INTEGER NOT NULL,
            modified_ms INTEGER,
            local_date TEXT NOT NULL,
            category TEXT NOT NULL,
            state INTEGER NOT NULL,
            translation TEXT,
            first_seen_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            content_hash TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published_ms DESC);
        CREATE INDEX articles_local_date ON articles(local_date);
        CREATE INDEX articles_category ON articles(category, published_ms DESC);
        CREATE INDEX articles_source ON articles(source_id, published_ms DESC);
        CREATE INDEX articles_state ON articles(state);
        CREATE TABLE pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            requested_url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT,
            body_gzip BLOB NOT NULL,
            fetched_ms INTEGER NOT NULL,
            etag TEXT,
            last_modified TEXT
        );
        CREATE TABLE views (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            hour INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (article_id, hour)
        );
        """);
}
