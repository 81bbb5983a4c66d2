namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Stores each article in less than half the space. Rewrites every original and translation in the compact JSON of
/// <see cref="Sqlite.ArticleJson"/> (letters unescaped, each paragraph once, no derived body text), and rebuilds the
/// full-text index as an FTS5 external-content table over the view <c>article_search_text</c>, which computes the four
/// indexed columns from the article row exactly as <see cref="M0300Search.Fields"/> did: the index keeps its terms but
/// no second copy of the text, and snippets read the text through the view. Does not VACUUM: the pages freed here are
/// reused by new articles, and an operator who wants the file smaller runs VACUUM (see README).
/// </summary>
/// <remarks>
/// FTS5 reads its content with virtual tables disallowed when it rebuilds or checks the index against the content, and
/// the view needs <c>json_each</c>; so the index is filled and kept in step by statements that read the view
/// themselves, and the FTS5 commands <c>rebuild</c> and <c>integrity-check</c> with rank 1 are not used on it (the
/// plain <c>integrity-check</c>, <c>optimize</c> and <c>delete-all</c> work). Looking rows up for snippets works.
/// </remarks>
internal static class M0600CompactArticles
{
    /// <summary>SQL functions the migration calls, registered on its connection by the runner.</summary>
    public const string RewriteOriginal = "foreigndesk_rewrite_original";
    public const string RewriteTranslation = "foreigndesk_rewrite_translation";

    private const string Columns = "title_en, text_en, title_orig, text_orig";

    public static readonly SqliteMigration Migration = new("0600-compact-articles",
        $"""
        DROP TRIGGER article_search_insert;
        DROP TRIGGER article_search_update;
        DROP TRIGGER article_search_delete;
        DROP TABLE article_search;
        UPDATE articles SET original = {RewriteOriginal}(original), translation = {RewriteTranslation}(translation);
        CREATE VIEW article_search_text (id, {Columns}) AS SELECT a.id, {M0300Search.Fields("a")} FROM articles a;
        CREATE VIRTUAL TABLE article_search USING fts5(
            {Columns},
            content = 'article_search_text', content_rowid = 'id',
            tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* M* So Co'",
            prefix = '2 3 4'
        );
        {SearchInsertTrigger}
        CREATE TRIGGER article_search_forget BEFORE UPDATE OF original, translation ON articles BEGIN
            {Delete("old")}
        END;
        CREATE TRIGGER article_search_update AFTER UPDATE OF original, translation ON articles BEGIN
            {Insert("new")}
        END;
        CREATE TRIGGER article_search_delete BEFORE DELETE ON articles BEGIN
            {Delete("old")}
        END;
        INSERT INTO article_search (rowid, {Columns}) SELECT id, {Columns} FROM article_search_text ORDER BY id;
        INSERT INTO article_search (article_search) VALUES ('optimize');
        """);

    /// <summary>Indexes each new article (a bulk insert drops it while it indexes the articles itself, and creates it again).</summary>
    internal static string SearchInsertTrigger =>
        $"""
        CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            {Insert("new")}
        END;
        """;

    private static string Insert(string row) =>
        $"INSERT INTO article_search (rowid, {Columns}) SELECT id, {Columns} FROM article_search_text WHERE id = {row}.id;";

    /// <summary>
    /// An external-content index forgets a row only when given the values it indexed, so the row is read through the
    /// view before it changes (hence BEFORE triggers): indexed and forgotten values come from the same expression.
    /// </summary>
    private static string Delete(string row) =>
        $"INSERT INTO article_search (article_search, rowid, {Columns}) SELECT 'delete', id, {Columns} FROM article_search_text WHERE id = {row}.id;";
}
