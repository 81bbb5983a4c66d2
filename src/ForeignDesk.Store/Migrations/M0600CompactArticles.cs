namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Stores each article about half as large. Rewrites every original and translation in the compact JSON of
/// <see cref="Sqlite.ArticleJson"/> (letters unescaped, each paragraph once), and rebuilds the full-text index as an
/// FTS5 external-content table over the view <c>article_search_text</c>, which computes the four indexed columns from
/// the article row: the index keeps its terms and no second copy of the text, and snippets read the text from the
/// article. The triggers give FTS5 the old values to remove, computed the same way. Does not VACUUM: the pages freed
/// here are reused by new articles, and an operator who wants the file smaller runs VACUUM (see README).
/// </summary>
internal static class M0600CompactArticles
{
    /// <summary>SQL functions the migration calls, registered on its connection by the runner.</summary>
    public const string RewriteOriginal = "foreigndesk_rewrite_original";
    public const string RewriteTranslation = "foreigndesk_rewrite_translation";

    public static readonly SqliteMigration Migration = new("0600-compact-articles",
        $"""
        DROP TRIGGER article_search_insert;
        DROP TRIGGER article_search_update;
        DROP TRIGGER article_search_delete;
        DROP TABLE article_search;
        UPDATE articles SET original = {RewriteOriginal}(original), translation = {RewriteTranslation}(translation);
        CREATE VIEW article_search_text (id, title_en, text_en, title_orig, text_orig) AS
            SELECT a.id, {Fields("a")} FROM articles a;
        CREATE VIRTUAL TABLE article_search USING fts5(
            title_en, text_en, title_orig, text_orig,
            content = 'article_search_text', content_rowid = 'id',
            tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* M* So Co'",
            prefix = '2 3 4'
        );
        CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            {Insert("new")}
        END;
        CREATE TRIGGER article_search_forget BEFORE UPDATE OF original, translation ON articles BEGIN
            {Delete("old")}
        END;
        CREATE TRIGGER article_search_update AFTER UPDATE OF original, translation ON articles BEGIN
            {Insert("new")}
        END;
        CREATE TRIGGER article_search_delete BEFORE DELETE ON articles BEGIN
            {Delete("old")}
        END;
        INSERT INTO article_search (article_search) VALUES ('rebuild');
        """);

    private const string Columns = "title_en, text_en, title_orig, text_orig";

    private static string Insert(string row) =>
        $"INSERT INTO article_search (rowid, {Columns}) SELECT id, {Columns} FROM article_search_text WHERE id = {row}.id;";

    /// <summary>
    /// An external-content index forgets a row only when given the values it indexed, so the row is read through the
    /// view before it changes (hence BEFORE triggers): inserted and removed values come from the same expression.
    /// </summary>
    private static string Delete(string row) =>
        $"INSERT INTO article_search (article_search, rowid, {Columns}) SELECT 'delete', id, {Columns} FROM article_search_text WHERE id = {row}.id;";

    /// <summary>
    /// The four indexed columns of an article row, as <see cref="M0300Search.Fields"/> computes them, but without
    /// <c>json_each</c>: FTS5 reads its content with virtual tables disallowed, so paragraphs are walked by index.
    /// </summary>
    private static string Fields(string row) =>
        $"{Clean($"json_extract({row}.translation, '$.title')")}, {Clean(Body($"{row}.translation"))}, " +
        $"{Clean($"json_extract({row}.original, '$.title')")}, {Clean(Body($"{row}.original"))}";

    private static string Body(string json) =>
        $"""
        COALESCE(json_extract({json}, '$.teaser') || char(10), '') ||
            COALESCE((WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < json_array_length({json}, '$.paragraphs'))
                SELECT group_concat(json_extract({json}, '$.paragraphs[' || i || '].text'), char(10)) FROM n), '')
        """;

    private static string Clean(string expression) =>
        $"replace(replace({expression}, char({(int)M0300Search.MatchOpen}), ''), char({(int)M0300Search.MatchClose}), '')";
}
