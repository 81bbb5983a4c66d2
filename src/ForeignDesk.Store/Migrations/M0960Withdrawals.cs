namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Withdrawn sources: a record of each article taken off the site with its source (its page answers 410 Gone), and a
/// change of a source's policy or pause touching <c>policy:ID</c> (the pages that show the source's articles as its
/// policy allows) and <c>policies</c>, which every web process's policy cache follows.
/// </summary>
internal static class M0960Withdrawals
{
    public static readonly SqliteMigration Migration = new("0960-withdrawals",
        $"""
        CREATE TABLE withdrawn_articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL,
            url TEXT NOT NULL,
            withdrawn_ms INTEGER NOT NULL
        );
        CREATE TRIGGER page_versions_source_policy AFTER UPDATE OF policy, paused ON sources BEGIN
            {M0700PageVersions.Touch("'latest'", "'policies'", "'policy:' || new.id")}
        END;
        """);
}
