namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>
/// Checks of published articles, as the SQLite store's migration 0998 makes them: jobs may wait as <c>scheduled</c>
/// until due, and an article the outlet removed keeps its row with <c>removed</c> set; a removal touches the article's
/// pages and lists like any change of it.
/// </summary>
internal static class M0013Rechecks
{
    public static readonly PostgresMigration Migration = new("0013-rechecks",
        """
        ALTER TABLE jobs DROP CONSTRAINT jobs_state_check;
        ALTER TABLE jobs ADD CONSTRAINT jobs_state_check CHECK (state IN ('queued', 'scheduled', 'running', 'failed', 'dead'));
        ALTER TABLE articles ADD COLUMN removed timestamptz;
        CREATE TRIGGER page_versions_article_removed AFTER UPDATE OF removed ON articles
            FOR EACH ROW EXECUTE FUNCTION page_versions_article();
        """);
}
