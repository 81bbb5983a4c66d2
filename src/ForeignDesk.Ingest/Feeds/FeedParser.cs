using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>
/// Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.x. Links are absolute (resolved against
/// xml:base and the feed URL), titles are plain text, dates UTC. Broken XML is repaired where it can be; a document
/// that is not a feed throws <see cref="FeedFormatException"/>. Nothing outside the bytes is ever loaded.
/// <see cref="ParsedFeed.Format"/> is one of rss-0.90, rss-0.91, rss-0.92, rss-0.93, rss-0.94, rss-2.0, rss, rss-1.0,
/// atom-0.3, atom-1.0, atom, json-1.0, json-1.1, json, rss-in-json, cdf.
/// </summary>
public static class FeedParser
{
    /// <param name="contentLanguage">The HTTP Content-Language of the answer, taken when the feed names no language.</param>
    public static ParsedFeed Parse(byte[] body, Uri feedUrl, string? contentLanguage = null)
    {
        var feed = ParseBody(body, feedUrl);
        return feed.Language is null && FeedStrings.NonEmpty(contentLanguage?.Split(',')[0]) is { } language
            ? feed with { Language = language }
            : feed;
    }

    private static ParsedFeed ParseBody(byte[] body, Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(feedUrl);
        var text = FeedText.Decode(body);
        var first = text.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF\0");
        if (first < 0)
        {
            throw new FeedFormatException("not a feed: the document is empty");
        }

        if (text[first] is '{' or '[')
        {
            return JsonFeedReader.Read(text[first..], feedUrl);
        }

        if (text.IndexOf('<') < 0)
        {
            throw new FeedFormatException("not a feed: neither XML nor JSON");
        }

        var root = FeedTreeReader.Read(FeedText.Clean(text));
        var name = root.LocalName.ToLowerInvariant();
        return name switch
        {
            "rss" => RssReader.Read(root, RssVersion(root.Attr("version")), feedUrl),
            "rdf" => RssReader.Read(root, root.LookupNamespace("") == FeedNamespaces.Rss090 || HasNamespace(root, FeedNamespaces.Rss090) ? "rss-0.90" : "rss-1.0", feedUrl),
            "feed" or "entry" => AtomReader.Read(root, AtomVersion(root), feedUrl),
            "channel" => CdfReader.Read(root, feedUrl),
            "html" or "head" or "body" => throw new FeedFormatException("not a feed: this is an HTML page (FeedDiscovery finds the feeds it links to)"),
            _ => throw new FeedFormatException($"not a feed: unknown root element <{root.Name}>"),
        };
    }

    private static string RssVersion(string? version) => version?.Trim() switch
    {
        null or "" => "rss",
        "2.0" or "2.01" or "2.0.1" or "2" => "rss-2.0",
        var v when v.StartsWith("0.9", StringComparison.Ordinal) && v.Length == 4 => "rss-" + v,
        _ => "rss",
    };

    private static string AtomVersion(FeedNode root)
    {
        var ns = root.Namespace;
        if (ns == FeedNamespaces.Atom10)
        {
            return "atom-1.0";
        }

        return ns == FeedNamespaces.Atom03 || root.Attr("version")?.Trim() == "0.3" ? "atom-0.3" : "atom";
    }

    private static bool HasNamespace(FeedNode node, string ns) =>
        node.Attributes.Any(a => a.Key.StartsWith("xmlns", StringComparison.Ordinal) && a.Value.Trim() == ns);
}
