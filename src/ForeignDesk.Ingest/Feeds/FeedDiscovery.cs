using AngleSharp.Html.Parser;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>Finds the feeds an HTML page announces with <c>&lt;link rel="alternate" type="…"&gt;</c>.</summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
    [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/json",
    ];

    public static IReadOnlyList<Uri> FindFeeds(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = FeedUrls.Resolve(document.QuerySelector("base[href]")?.GetAttribute("href"), pageUrl) ?? pageUrl;
        var feeds = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rels = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = (link.GetAttribute("type") ?? "").Split(';')[0].Trim();
            if (!rels.Contains("alternate", StringComparer.OrdinalIgnoreCase)
                || !FeedTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
                || (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !LooksLikeJsonFeed(link.GetAttribute("href"))))
            {
                continue;
            }

            if (FeedUrls.Resolve(link.GetAttribute("href"), baseUrl) is { } url && !feeds.Contains(url))
            {
                feeds.Add(url);
            }
        }

        return feeds;
    }

    private static bool LooksLikeJsonFeed(string? href) =>
        href is not null && href.Contains("feed", StringComparison.OrdinalIgnoreCase);
}
