namespace ForeignDesk.Ingest.Sitemaps;

/// <summary>Which pages and child sitemaps of a sitemap are worth fetching now.</summary>
public static class SitemapSelection
{
    /// <summary>Pages dated within <paramref name="window"/> before <paramref name="now"/>, newest first. Undated pages are left out.</summary>
    public static IReadOnlyList<SitemapUrl> Recent(SitemapDocument sitemap, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(sitemap);
        var since = now - window;
        return sitemap.Urls
            .Where(u => u.Date is { } date && date >= since)
            .OrderByDescending(u => u.Date)
            .DistinctBy(u => u.Location.AbsoluteUri)
            .ToList();
    }

    /// <summary>
    /// Child sitemaps of an index to read: those whose name carries a recent date (e.g. <c>sitemap-2024-05-01.xml</c>,
    /// <c>2024/05</c>) first, then the rest in the order given, at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<Uri> Children(SitemapDocument index, DateTimeOffset now, TimeSpan window, int limit)
    {
        ArgumentNullException.ThrowIfNull(index);
        var recentTokens = Enumerable.Range(0, Math.Max(1, (int)Math.Ceiling(window.TotalDays)) + 1)
            .Select(d => now.AddDays(-d))
            .SelectMany(d => new[] { d.ToString("yyyy-MM-dd"), d.ToString("yyyy/MM/dd"), d.ToString("yyyyMMdd"), d.ToString("yyyy-MM"), d.ToString("yyyy/MM") })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return index.Sitemaps
            .Select((uri, order) => (uri, order, recent: recentTokens.Any(t => uri.AbsoluteUri.Contains(t, StringComparison.Ordinal))))
            .OrderByDescending(c => c.recent)
            .ThenBy(c => c.order)
            .Select(c => c.uri)
            .Take(limit)
            .ToList();
    }
}
