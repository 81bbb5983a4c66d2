namespace ForeignDesk.Store.Migrations;

/// <summary>
/// A narrow copy of what a line in a list of articles shows (outlet, title, teaser, category, time, language, state), kept
/// in step with the articles by triggers. Lists read it instead of the article rows: in those the text comes before
/// the list's columns, so every line read the whole article (its overflow pages) and parsed its JSON twice.
/// </summary>
internal static class M0800ArticleLines
{
    internal const string Columns = "id, source_id, title, teaser, category, published_ms, language, state";

    public static readonly SqliteMigration Migration = new("0800-article-lines",
        $"""
        CREATE TABLE article_lines (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL,
            title TEXT NOT NULL,
            teaser TEXT,
            category TEXT NOT NULL,
            published_ms INTEGER NOT NULL,
            language TEXT NOT NULL,
            state INTEGER NOT NULL
        );
        INSERT INTO article_lines ({Columns}) SELECT {Values("a")} FROM articles a;
        CREATE TRIGGER article_lines_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_lines ({Columns}) VALUES ({Values("new")});
        END;
        CREATE TRIGGER article_lines_update AFTER UPDATE OF source_id, original, translation, category, published_ms, language, state ON articles BEGIN
            INSERT OR REPLACE INTO article_lines ({Columns}) VALUES ({Values("new")});
        END;
        CREATE TRIGGER article_lines_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_lines WHERE id = old.id;
        END;
        """);

    /// <summary>
    /// A line's values from an article row: the English title and teaser when translated, else the original's; with no
    /// teaser, the start of the first paragraph.
    /// </summary>
    internal static string Values(string row) =>
        $"""
        {row}.id, {row}.source_id,
        COALESCE(json_extract({row}.translation, '$.title'), json_extract({row}.original, '$.title'), ''),
        COALESCE(json_extract({row}.translation, '$.teaser'), json_extract({row}.original, '$.teaser'),
            substr(json_extract(COALESCE({row}.translation, {row}.original), '$.paragraphs[0].text'), 1, 280)),
        {row}.category, {row}.published_ms, {row}.language, {row}.state
        """;
}
