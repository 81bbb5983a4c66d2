using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>RSS 0.9x, 2.0 and 1.0 (RDF) documents.</summary>
internal static class RssReader
{
    private static readonly string[] Plain = ["", FeedNamespaces.Rss10, FeedNamespaces.Rss090, "http://backend.userland.com/rss2", "http://purl.org/net/rss1.1#"];

    public static ParsedFeed Read(FeedNode root, string format, Uri feedUrl)
    {
        var channel = root.Elements.FirstOrDefault(e => e.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase)) ?? root;
        var channelBase = channel.BaseUri(feedUrl);
        var home = FeedUrls.Resolve(channel.Child("link", Plain)?.InnerText, channelBase)
            ?? FeedUrls.Resolve(AtomLink(channel), channelBase);
        var language = FeedStrings.NonEmpty(channel.Child("language", Plain)?.InnerText)
            ?? FeedStrings.NonEmpty(channel.Child("language", FeedNamespaces.DublinCore)?.InnerText);

        var items = new List<FeedItem>();
        foreach (var node in ItemNodes(root, channel))
        {
            items.Add(ReadItem(node, feedUrl));
        }

        var title = FeedStrings.PlainTitle(channel.Child("title", Plain)?.InnerText)
            ?? FeedStrings.PlainTitle(channel.Child("title", FeedNamespaces.DublinCore)?.InnerText);
        return new ParsedFeed(format, title, home, language, items);
    }

    private static IEnumerable<FeedNode> ItemNodes(FeedNode root, FeedNode channel)
    {
        var inChannel = channel.Elements.Where(IsItem);
        return ReferenceEquals(root, channel) ? inChannel : inChannel.Concat(root.Elements.Where(IsItem));
    }

    private static bool IsItem(FeedNode node) => node.LocalName.Equals("item", StringComparison.OrdinalIgnoreCase)
        && Plain.Contains(node.Namespace, StringComparer.OrdinalIgnoreCase);

    private static FeedItem ReadItem(FeedNode item, Uri feedUrl)
    {
        var itemBase = item.BaseUri(feedUrl);
        var guid = item.Child("guid", Plain);
        var guidIsLink = guid is not null && !"false".Equals(guid.Attr("isPermaLink")?.Trim(), StringComparison.OrdinalIgnoreCase);
        var link = LinkOf(item.Child("link", Plain), itemBase)
            ?? FeedUrls.Resolve(AtomLink(item), itemBase)
            ?? (guidIsLink ? LinkOf(guid, itemBase) : null);
        var permalink = FeedUrls.Resolve(item.Attr("rdf:about"), itemBase)
            ?? (guid is not null && LooksAbsolute(guid.InnerText) ? LinkOf(guid, itemBase) : null);

        var published = FirstDate(
            item.Child("pubDate", Plain),
            item.Child("date", FeedNamespaces.DublinCore),
            item.Child("issued", FeedNamespaces.DublinCoreTerms),
            item.Child("created", FeedNamespaces.DublinCoreTerms),
            item.Child("published", FeedNamespaces.Atom10),
            item.Child("updated", FeedNamespaces.Atom10),
            item.Child("modified", FeedNamespaces.DublinCoreTerms));
        var categories = item.Children("category", Plain).Select(c => c.InnerText)
            .Concat((item.Child("keywords", FeedNamespaces.ITunes)?.InnerText ?? "").Split(','))
            .Concat(item.Children("subject", FeedNamespaces.DublinCore).Select(c => c.InnerText))
            .Concat(item.Children("category", FeedNamespaces.Atom10).Select(c => c.Attr("term") ?? ""))
            .Select(FeedStrings.NonEmpty)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var summary = FeedHtml.Summary(
            FeedStrings.NonEmpty(item.Child("description", Plain)?.InnerText)
            ?? FeedStrings.NonEmpty(item.Child("encoded", FeedNamespaces.Content)?.InnerText)
            ?? FeedStrings.NonEmpty(item.Child("description", FeedNamespaces.DublinCore)?.InnerText)
            ?? FeedStrings.NonEmpty(item.Child("summary", FeedNamespaces.ITunes)?.InnerText)
            ?? FeedStrings.NonEmpty(MediaDescription(item))
            ?? FeedStrings.NonEmpty(item.Child("body", FeedNamespaces.Xhtml)?.InnerXml),
            itemBase);
        var title = FeedStrings.PlainTitle(item.Child("title", Plain)?.InnerText)
            ?? FeedStrings.PlainTitle(item.Child("title", FeedNamespaces.DublinCore)?.InnerText);
        return new FeedItem(link, title, published, categories, summary, FeedStrings.NonEmpty(guid?.InnerText), permalink);
    }

    /// <summary>A Media RSS description, on the entry or in its media:group.</summary>
    internal static string? MediaDescription(FeedNode entry) =>
        entry.Child("description", FeedNamespaces.MediaRss)?.InnerText
        ?? entry.Child("group", FeedNamespaces.MediaRss)?.Child("description", FeedNamespaces.MediaRss)?.InnerText;

    private static Uri? LinkOf(FeedNode? node, Uri baseUri) =>
        node is null ? null : FeedUrls.Resolve(node.InnerText, node.BaseUri(baseUri));

    private static bool LooksAbsolute(string text) =>
        text.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? AtomLink(FeedNode node) =>
        node.Children("link", FeedNamespaces.Atom10)
            .FirstOrDefault(l => (l.Attr("rel") ?? "alternate").Trim() == "alternate")?.Attr("href");

    internal static DateTimeOffset? FirstDate(params FeedNode?[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node is not null && FeedDates.Parse(node.InnerText) is { } date)
            {
                return date;
            }
        }

        return null;
    }
}
