namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>The outcome of fetching each article image, and the index of articles by first sight, as the SQLite store's migration 0997 makes them.</summary>
internal static class M0012ImageChecks
{
    public static readonly PostgresMigration Migration = new("0012-image-checks",
        """
        CREATE TABLE image_checks (
            article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx integer NOT NULL,
            url_key text NOT NULL,
            good boolean NOT NULL,
            width integer NOT NULL,
            height integer NOT NULL,
            problem text,
            checked timestamptz NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE FUNCTION page_versions_image_check() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM touch_pages('article:' || NEW.article_id);
            RETURN NULL;
        END $body$;
        CREATE INDEX articles_first_seen ON articles(first_seen);
        CREATE TRIGGER page_versions_image_check AFTER INSERT OR UPDATE OF url_key, good, width, height ON image_checks
            FOR EACH ROW EXECUTE FUNCTION page_versions_image_check();
        """);
}
