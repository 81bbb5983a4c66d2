namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The articles awaiting an engine (no route translates the language they were detected in) per source, in an index of
/// their own: <c>/status</c> counts them per source from the index, never the article rows.
/// </summary>
internal static class M0996AwaitingEngineIndex
{
    /// <summary>
    /// The index's condition (1 is <c>ArticleState.AwaitingEngine</c>); a query uses the index only when it states the
    /// same literal condition.
    /// </summary>
    public const string Condition = "state = 1";

    public static readonly SqliteMigration Migration = new("0996-awaiting-engine-index",
        $"CREATE INDEX articles_awaiting_engine ON articles(source_id) WHERE {Condition};");
}
