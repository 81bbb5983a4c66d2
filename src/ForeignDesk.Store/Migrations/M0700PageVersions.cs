namespace ForeignDesk.Store.Migrations;

/// <summary>
/// What changed, as tags of the pages that show it, for every web process's page cache: one row per tag with the
/// sequence number of its latest change. Triggers write it, so every way an article, a story or a source changes
/// (a new article, an update, a translation, a reclassification, a placement, a merge, a removal) is caught,
/// whichever process made it. Tags: <c>latest</c> (lists of newest articles), <c>article:ID</c>, <c>day:YYYY-MM-DD</c>,
/// <c>category:NAME</c>, <c>source:ID</c>, <c>story:ID</c>. Rows older than a few minutes are pruned
/// (<see cref="Sqlite.SqliteArticleStore.PruneChangesAsync"/>); the newest row always stays, so sequence numbers never go back.
/// </summary>
internal static class M0700PageVersions
{
    public static readonly SqliteMigration Migration = new("0700-page-versions",
        $"""
        CREATE TABLE page_versions (
            tag TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            at_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX page_versions_seq ON page_versions(seq);
        -- A day's archive reads its articles newest first by key.
        CREATE INDEX articles_day ON articles(local_date, published_ms DESC);
        DROP INDEX articles_local_date;
        -- /status counts each source's articles, in all and first seen in the last day, from this index alone.
        CREATE INDEX articles_source_seen ON articles(source_id, first_seen_ms);
        CREATE TRIGGER page_versions_article_insert AFTER INSERT ON articles BEGIN
            {Touch("'latest'", "'day:' || new.local_date", "'category:' || new.category", "'source:' || new.source_id")}
        END;
        CREATE TRIGGER page_versions_article_update
        AFTER UPDATE OF source_id, url, language, original, published_ms, published_estimated, modified_ms, local_date, category, state, translation
        ON articles BEGIN
            {Touch("'latest'", "'article:' || new.id", "'day:' || old.local_date", "'day:' || new.local_date",
                "'category:' || old.category", "'category:' || new.category", "'source:' || new.source_id")}
            {TouchStoryOf("new.id")}
        END;
        CREATE TRIGGER page_versions_article_delete AFTER DELETE ON articles BEGIN
            {Touch("'latest'", "'article:' || old.id", "'day:' || old.local_date", "'category:' || old.category", "'source:' || old.source_id")}
        END;
        CREATE TRIGGER page_versions_placement_insert AFTER INSERT ON story_articles BEGIN
            {Touch("'latest'", "'article:' || new.article_id", "'story:' || new.story_id")}
        END;
        CREATE TRIGGER page_versions_placement_update AFTER UPDATE OF story_id, duplicate_of ON story_articles BEGIN
            {Touch("'latest'", "'article:' || new.article_id", "'story:' || old.story_id", "'story:' || new.story_id")}
        END;
        CREATE TRIGGER page_versions_placement_delete AFTER DELETE ON story_articles BEGIN
            {Touch("'latest'", "'article:' || old.article_id", "'story:' || old.story_id")}
        END;
        CREATE TRIGGER page_versions_story_update AFTER UPDATE OF headline ON stories BEGIN
            {Touch("'latest'", "'story:' || new.id")}
        END;
        CREATE TRIGGER page_versions_related_insert AFTER INSERT ON related_articles BEGIN
            {Touch("'article:' || new.article_id")}
        END;
        CREATE TRIGGER page_versions_source_update AFTER UPDATE OF slug, name, home_url, language, category, time_zone ON sources BEGIN
            {Touch("'latest'", "'source:' || new.id")}
        END;
        """);

    /// <summary>The story page that lists the article, when it is in one.</summary>
    internal static string TouchStoryOf(string articleId) =>
        $"""
        INSERT INTO page_versions (tag, seq, at_ms)
            SELECT 'story:' || story_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM page_versions), {Now}
            FROM story_articles WHERE article_id = {articleId}
            ON CONFLICT(tag) DO UPDATE SET seq = excluded.seq, at_ms = excluded.at_ms;
        """;

    private const string Now = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    /// <summary>Statements that give each tag the next sequence number.</summary>
    internal static string Touch(params string[] tags) => string.Concat(tags.Select(tag =>
        $"""
        INSERT INTO page_versions (tag, seq, at_ms)
            VALUES ({tag}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM page_versions), {Now})
            ON CONFLICT(tag) DO UPDATE SET seq = excluded.seq, at_ms = excluded.at_ms;

        """));
}
