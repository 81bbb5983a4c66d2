namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Which articles were detected in another language than their source's configured ones (and handled in the detected
/// one), with an index of those alone: <c>/status</c> counts them per source from the index, never the article rows.
/// </summary>
internal static class M0720OtherLanguage
{
    /// <summary>The index's condition; a query uses the index only when it states the same literal condition.</summary>
    public const string Condition = "other_language = 1";

    public static readonly SqliteMigration Migration = new("0720-other-language",
        $"""
        ALTER TABLE articles ADD COLUMN other_language INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX articles_other_language ON articles(source_id) WHERE {Condition};
        """);
}
