namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>
/// Withdrawn sources, as the SQLite store's migration 0960 makes them: a record of each article withdrawn with its
/// source, and a change of a source's policy or pause touching <c>latest</c>, <c>policies</c> and <c>policy:ID</c>.
/// </summary>
internal static class M0006Withdrawals
{
    public static readonly PostgresMigration Migration = new("0006-withdrawals",
        """
        CREATE TABLE withdrawn_articles (
            id bigint PRIMARY KEY,
            source_id bigint NOT NULL,
            url text NOT NULL,
            withdrawn timestamptz NOT NULL
        );
        CREATE FUNCTION page_versions_source_policy() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM touch_pages('latest', 'policies', 'policy:' || NEW.id);
            RETURN NULL;
        END $body$;
        CREATE TRIGGER page_versions_source_policy AFTER UPDATE OF policy, paused ON sources
            FOR EACH ROW EXECUTE FUNCTION page_versions_source_policy();
        """);
}
