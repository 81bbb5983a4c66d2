namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>Expired leases counted as failures, as the SQLite store's migration 0910 does.</summary>
internal static class M0004JobExpiries
{
    public static readonly PostgresMigration Migration = new("0004-job-expiries",
        "ALTER TABLE jobs ADD COLUMN expiries integer NOT NULL DEFAULT 0;");
}
