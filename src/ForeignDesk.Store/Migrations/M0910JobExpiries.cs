namespace ForeignDesk.Store.Migrations;

/// <summary>
/// How many of a job's leases expired before it completed or failed: its worker stopped while running it (killed, or
/// the job crashed it). Each counts as a failure, so a job that kills every worker that runs it ends dead.
/// </summary>
internal static class M0910JobExpiries
{
    public static readonly SqliteMigration Migration = new("0910-job-expiries",
        "ALTER TABLE jobs ADD COLUMN expiries INTEGER NOT NULL DEFAULT 0;");
}
