namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Each story's reach kept on its row (how many outlets, which languages), so that an article page reads its story's
/// facts from one row instead of counting the story's articles on every request.
/// </summary>
internal static class M0710StoryReach
{
    public static readonly SqliteMigration Migration = new("0710-story-reach",
        $"""
        ALTER TABLE stories ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE stories ADD COLUMN languages TEXT NOT NULL DEFAULT '';
        UPDATE stories SET {Sqlite.SqliteArticleStore.StoryReachColumns("stories.id")};
        """);
}
