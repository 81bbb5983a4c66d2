namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The outcome of fetching each article image (<see cref="Core.IImageCheckStore"/>): one row per article and place,
/// removed with the article; a new or changed row marks the article's page changed. Also an index of the articles by
/// when they were first seen, from which <c>/status</c> reads the recent articles' delays.
/// </summary>
internal static class M0997ImageChecks
{
    public static readonly SqliteMigration Migration = new("0997-image-checks",
        $"""
        CREATE TABLE image_checks (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            url_key TEXT NOT NULL,
            good INTEGER NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            problem TEXT,
            checked_ms INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;
        CREATE INDEX articles_first_seen ON articles(first_seen_ms);
        CREATE TRIGGER page_versions_image_check_insert AFTER INSERT ON image_checks BEGIN
            {M0700PageVersions.Touch("'article:' || new.article_id")}
        END;
        CREATE TRIGGER page_versions_image_check_update AFTER UPDATE OF url_key, good, width, height ON image_checks BEGIN
            {M0700PageVersions.Touch("'article:' || new.article_id")}
        END;
        """);
}
