namespace ForeignDesk.Store.Migrations;

/// <summary>
/// The views by hour, with the article and the count: Trends 24h sums the last day's views per article from this index
/// alone (the table's key starts with the article, so a window of hours read every row of it).
/// </summary>
internal static class M1003ViewsByHour
{
    public static readonly SqliteMigration Migration = new("1003-views-by-hour",
        "CREATE INDEX views_by_hour ON views(hour, article_id, count);");
}
