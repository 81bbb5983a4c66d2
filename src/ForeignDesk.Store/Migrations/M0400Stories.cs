namespace ForeignDesk.Store.Migrations;

/// <summary>Stories, each article's place in one (with its near-duplicate mark and clustering features), and the precomputed related lists.</summary>
internal static class M0400Stories
{
    public static readonly SqliteMigration Migration = new("0400-stories",
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            headline TEXT NOT NULL,
            first_seen_ms INTEGER NOT NULL,
            last_seen_ms INTEGER NOT NULL,
            article_count INTEGER NOT NULL
        );
        CREATE INDEX stories_last_seen ON stories(last_seen_ms DESC);
        CREATE TABLE story_articles (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL,
            published_ms INTEGER NOT NULL,
            duplicate_of INTEGER,
            features TEXT NOT NULL,
            seq INTEGER NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles(story_id, published_ms);
        CREATE INDEX story_articles_seq ON story_articles(seq);
        CREATE TABLE related_articles (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            related_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, rank)
        );
        """);
}
