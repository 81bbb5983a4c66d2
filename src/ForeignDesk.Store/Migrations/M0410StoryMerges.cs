namespace ForeignDesk.Store.Migrations;

/// <summary>Stories merged into another: the absorbed id, the story that now holds its articles, and when.</summary>
internal static class M0410StoryMerges
{
    public static readonly SqliteMigration Migration = new("0410-story-merges",
        """
        CREATE TABLE story_merges (
            absorbed_id INTEGER PRIMARY KEY,
            survivor_id INTEGER NOT NULL,
            merged_ms INTEGER NOT NULL
        );
        CREATE INDEX story_merges_survivor ON story_merges(survivor_id);
        """);
}
