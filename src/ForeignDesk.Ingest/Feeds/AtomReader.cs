using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>Atom 1.0 and 0.3 feeds, and single Atom entry documents.</summary>
internal static class AtomReader
{
    private static readonly string[] KnownAtom = [FeedNamespaces.Atom10, FeedNamespaces.Atom03, ""];

    public static ParsedFeed Read(FeedNode root, string format, Uri feedUrl)
    {
        // Early Atom drafts used other namespaces; whatever the root uses counts as Atom.
        string[] atom = [.. KnownAtom, root.Namespace];
        var isEntry = root.LocalName.Equals("entry", StringComparison.OrdinalIgnoreCase);
        List<FeedNode> entries = isEntry ? [root] : root.Children("entry", atom).ToList();
        var items = entries.Select(e => ReadEntry(e, feedUrl, atom)).ToList();
        if (isEntry)
        {
            return new ParsedFeed(format, null, null, FeedStrings.NonEmpty(root.Attr("xml:lang")), items);
        }

        return new ParsedFeed(
            format,
            FeedStrings.PlainTitle(TextOf(root.Child("title", atom))),
            AlternateLink(root, feedUrl, atom),
            FeedStrings.NonEmpty(root.Attr("xml:lang")),
            items);
    }

    private static FeedItem ReadEntry(FeedNode entry, Uri feedUrl, string[] atom)
    {
        var id = entry.Child("id", atom)?.InnerText.Trim();
        var link = AlternateLink(entry, feedUrl, atom);
        var permalink = id is not null && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? FeedUrls.Resolve(id, entry.BaseUri(feedUrl)) : null;

        var published = RssReader.FirstDate(
            entry.Child("published", atom),
            entry.Child("issued", atom),
            entry.Child("created", atom),
            entry.Child("date", FeedNamespaces.DublinCore),
            entry.Child("updated", atom),
            entry.Child("modified", atom));
        var categories = entry.Children("category", atom)
            .Select(c => FeedStrings.NonEmpty(c.Attr("term")) ?? FeedStrings.NonEmpty(c.Attr("label")) ?? FeedStrings.NonEmpty(c.InnerText))
            .Concat(entry.Children("subject", FeedNamespaces.DublinCore).Select(c => FeedStrings.NonEmpty(c.InnerText)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var summary = FeedHtml.Summary(
            FeedStrings.NonEmpty(MarkupOf(entry.Child("summary", atom)))
            ?? FeedStrings.NonEmpty(MarkupOf(entry.Child("content", atom)))
            ?? FeedStrings.NonEmpty(System.Net.WebUtility.HtmlEncode(RssReader.MediaDescription(entry))),
            entry.Child("summary", atom)?.BaseUri(feedUrl) ?? entry.BaseUri(feedUrl));
        return new FeedItem(link, FeedStrings.PlainTitle(TextOf(entry.Child("title", atom))), published, categories, summary, FeedStrings.NonEmpty(id), permalink);
    }

    /// <summary>The link with rel="alternate" (or no rel), preferring an HTML one; resolved against its own xml:base.</summary>
    private static Uri? AlternateLink(FeedNode parent, Uri feedUrl, string[] atom)
    {
        var candidates = parent.Children("link", atom)
            .Where(l => (FeedStrings.NonEmpty(l.Attr("rel")) ?? "alternate") == "alternate" && l.Attr("href") is not null)
            .ToList();
        var best = candidates.FirstOrDefault(l => l.Attr("type") is null || l.Attr("type")!.Contains("html", StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault();
        return best is null ? null : FeedUrls.Resolve(best.Attr("href"), best.BaseUri(feedUrl));
    }

    /// <summary>An Atom text construct as HTML markup: plain text escaped, base64 (Atom 0.3 mode) decoded.</summary>
    private static string? MarkupOf(FeedNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var text = TextOf(node);
        if ("base64".Equals(node.Attr("mode")?.Trim(), StringComparison.OrdinalIgnoreCase) && text is not null)
        {
            var bytes = new byte[text.Length];
            text = Convert.TryFromBase64String(text.Trim(), bytes, out var written)
                ? System.Text.Encoding.UTF8.GetString(bytes, 0, written)
                : text;
        }

        var type = node.Attr("type")?.Trim().ToLowerInvariant();
        return type is null or "" or "text" or "text/plain" ? System.Net.WebUtility.HtmlEncode(text) : text;
    }

    /// <summary>An Atom text construct as text or HTML markup (xhtml content is serialized; base64 is not decoded).</summary>
    private static string? TextOf(FeedNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var type = node.Attr("type")?.Trim().ToLowerInvariant();
        if (type is "xhtml" or "application/xhtml+xml")
        {
            var div = node.Elements.FirstOrDefault(e => e.LocalName == "div");
            return div is null ? node.InnerXml : div.InnerXml;
        }

        return node.InnerText;
    }
}
