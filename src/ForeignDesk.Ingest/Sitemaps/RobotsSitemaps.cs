namespace ForeignDesk.Ingest.Sitemaps;

/// <summary>The <c>Sitemap:</c> lines of a robots.txt (they apply to every user agent).</summary>
public static class RobotsSitemaps
{
    public static IReadOnlyList<Uri> Find(string robotsTxt, Uri robotsUrl)
    {
        ArgumentNullException.ThrowIfNull(robotsTxt);
        return robotsTxt.Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.StartsWith("sitemap:", StringComparison.OrdinalIgnoreCase))
            .Select(line => Uri.TryCreate(robotsUrl, line["sitemap:".Length..].Trim(), out var url) && url.Scheme is "http" or "https" ? url : null)
            .OfType<Uri>()
            .Distinct()
            .ToList();
    }
}
