namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>
/// <c>through_index(q)</c>: the search query <c>q</c> unchanged, declared costly, for search to find matches through the
/// GIN index alone (<see cref="PostgresStore"/>'s search). An article's search vector is stored compressed apart from
/// its row (about 6 KB), so testing it row by row costs far more than the planner's estimate of <c>@@</c>, and the
/// planner would otherwise walk the newest rows by id and test each one when a word is common. As an index condition
/// the function runs once per scan; as a filter, once per row: its cost tells the planner which of the two it is choosing.
/// </summary>
internal static class M0014SearchThroughIndex
{
    public static readonly PostgresMigration Migration = new("0014-search-through-index",
        """
        CREATE FUNCTION through_index(q tsquery) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE COST 100000 AS $body$
        BEGIN
            RETURN q;
        END
        $body$;
        """);
}
