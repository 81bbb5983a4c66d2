namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>
/// The store's clock, <c>store_now_ms()</c>: the database server's time (Unix milliseconds, fixed for a transaction) that
/// jobs are due, leased, renewed and expired by, so that every worker of every machine judges a lease by one clock and a
/// worker whose own clock jumps takes no job another still runs.
/// </summary>
internal static class M0009StoreClock
{
    public static readonly PostgresMigration Migration = new("0009-store-clock",
        "CREATE FUNCTION store_now_ms() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT (extract(epoch FROM now()) * 1000)::bigint $$;");
}
