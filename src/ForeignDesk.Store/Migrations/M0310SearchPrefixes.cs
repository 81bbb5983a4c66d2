namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Rebuilds the full-text index with prefix indexes for two to four characters, so that a prefix search
/// (<c>elect*</c>) reads one index entry instead of scanning every term with that prefix.
/// </summary>
internal static class M0310SearchPrefixes
{
    public static readonly SqliteMigration Migration = new("0310-search-prefixes",
        $"""
        DROP TABLE article_search;
        CREATE VIRTUAL TABLE article_search USING fts5(
            title_en, text_en, title_orig, text_orig,
            tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* M* So Co'",
            prefix = '2 3 4'
        );
        INSERT INTO article_search (rowid, title_en, text_en, title_orig, text_orig)
        SELECT a.id, {M0300Search.Fields("a")} FROM articles a;
        """);
}
