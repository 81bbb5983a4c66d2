using ForeignDesk.Store.Migrations;

namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>The articles awaiting an engine per source, as the SQLite store's migration 0996 indexes them.</summary>
internal static class M0011AwaitingEngineIndex
{
    public static readonly PostgresMigration Migration = new("0011-awaiting-engine-index",
        $"CREATE INDEX articles_awaiting_engine ON articles(source_id) WHERE {M0996AwaitingEngineIndex.Condition};");
}
