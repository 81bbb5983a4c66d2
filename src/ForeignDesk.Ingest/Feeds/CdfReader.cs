using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>Microsoft's Channel Definition Format (<c>&lt;CHANNEL HREF&gt;&lt;ITEM HREF&gt;</c>), which a few old sites still serve.</summary>
internal static class CdfReader
{
    public static ParsedFeed Read(FeedNode root, Uri feedUrl)
    {
        var baseUri = FeedUrls.Resolve(root.Attr("BASE"), feedUrl) ?? feedUrl;
        var items = root.Children("item")
            .Select(item => new FeedItem(
                FeedUrls.Resolve(item.Attr("HREF"), baseUri),
                FeedStrings.PlainTitle(item.Child("title")?.InnerText),
                FeedDates.Parse(item.Attr("LASTMOD")),
                [],
                FeedHtml.Summary(item.Child("abstract")?.InnerText, baseUri)))
            .ToList();
        return new ParsedFeed("cdf", FeedStrings.PlainTitle(root.Child("title")?.InnerText), FeedUrls.Resolve(root.Attr("HREF"), baseUri), null, items);
    }
}
