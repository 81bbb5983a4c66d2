namespace ForeignDesk.Ingest.Sitemaps;

/// <summary>How sitemaps are read (configuration section <c>Sitemaps</c>).</summary>
public sealed class SitemapOptions
{
    public const string Section = "Sitemaps";

    /// <value>Only pages dated (news publication date, else lastmod) within this window are taken. Default 2 days.</value>
    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromDays(2);

    /// <value>Most child sitemaps of an index read per poll, newest first. Default 5.</value>
    public int MaxChildSitemaps { get; set; } = 5;
}
