namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The articles not translated yet, newest first, in an index of their own: every ingest pass asks for them, and
/// without it the query read every article row (the state column lies after the article's text) to find none.
/// </summary>
internal static class M0710UntranslatedIndex
{
    /// <summary>The index's condition; a query uses the index only when it states the same literal condition.</summary>
    public const string Condition = "state <> 2";

    public static readonly SqliteMigration Migration = new("0710-untranslated-index",
        $"CREATE INDEX articles_untranslated ON articles(published_ms DESC, id) WHERE {Condition};");
}
