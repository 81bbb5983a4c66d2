namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The articles of each day that are in the lists (none the outlet removed), by their local date: what the archive's
/// day counts and the sitemaps read, without reading a row.
/// </summary>
internal static class M1002ListedDays
{
    public static readonly SqliteMigration Migration = new("1002-listed-days",
        "CREATE INDEX articles_listed_day ON articles(local_date) WHERE removed_ms IS NULL;");
}
