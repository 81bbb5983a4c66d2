namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The full-text index: an FTS5 table over the English and original title and text of every article, kept in step
/// with <c>articles</c> by triggers, and filled from the articles already stored. Words are letters, digits, marks
/// and symbols (so emoji and scripts with vowel signs stay whole), compared without case or accents, English stems folded.
/// </summary>
internal static class M0300Search
{
    /// <summary>Private-use characters that mark a match in a snippet; removed from indexed text so only matches carry them.</summary>
    public const char MatchOpen = SearchHits.MatchOpen;
    public const char MatchClose = SearchHits.MatchClose;

    public static readonly SqliteMigration Migration = new("0300-search",
        $"""
        CREATE VIRTUAL TABLE article_search USING fts5(
            title_en, text_en, title_orig, text_orig,
            tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* M* So Co'"
        );
        CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            {Insert("new")}
        END;
        CREATE TRIGGER article_search_update AFTER UPDATE OF original, translation ON articles BEGIN
            DELETE FROM article_search WHERE rowid = old.id;
            {Insert("new")}
        END;
        CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_search WHERE rowid = old.id;
        END;
        INSERT INTO article_search (rowid, title_en, text_en, title_orig, text_orig)
        SELECT a.id, {Fields("a")} FROM articles a;
        -- Filters and ordering of matches read this narrow index, never the wide article rows.
        CREATE INDEX articles_search_facets ON articles(id, published_ms, language, source_id, category);
        """);

    private static string Insert(string row) =>
        $"INSERT INTO article_search (rowid, title_en, text_en, title_orig, text_orig) SELECT {row}.id, {Fields(row)};";

    internal static string Fields(string row) =>
        $"{Clean($"json_extract({row}.translation, '$.title')")}, {Clean(Body($"{row}.translation"))}, " +
        $"{Clean($"json_extract({row}.original, '$.title')")}, {Clean(Body($"{row}.original"))}";

    /// <summary>Teaser and paragraphs of a stored article JSON (original or translation) as plain text.</summary>
    private static string Body(string json) =>
        $"""
        COALESCE(json_extract({json}, '$.teaser') || char(10), '') ||
            COALESCE((SELECT group_concat(json_extract(p.value, '$.text'), char(10)) FROM json_each({json}, '$.paragraphs') p), '')
        """;

    private static string Clean(string expression) =>
        $"replace(replace({expression}, char({(int)MatchOpen}), ''), char({(int)MatchClose}), '')";
}
