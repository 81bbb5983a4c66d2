using System.Text.Json;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>JSON Feed 1.0 and 1.1, and the older RSS-in-JSON shape (<c>{"rss": {"channel": …}}</c>).</summary>
internal static class JsonFeedReader
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    public static ParsedFeed Read(string text, Uri feedUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"not a feed: invalid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedFormatException("not a feed: the JSON document is not an object");
            }

            if (root.TryGetProperty("rss", out var rss) && rss.ValueKind == JsonValueKind.Object
                && rss.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object)
            {
                return ReadRssInJson(channel, feedUrl);
            }

            var version = String(root, "version");
            var hasItems = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
            if (version is null && !hasItems)
            {
                throw new FeedFormatException("not a feed: JSON without a JSON Feed version or items");
            }

            var format = version switch
            {
                not null when version.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase) => "json-" + Normalize(version[VersionPrefix.Length..]),
                "1" or "1.0" or "1.1" => "json-" + Normalize(version),
                _ => "json",
            };
            var list = new List<FeedItem>();
            foreach (var item in hasItems ? items.EnumerateArray() : default)
            {
                if (item.ValueKind == JsonValueKind.Object && ReadItem(item, feedUrl) is { } parsed)
                {
                    list.Add(parsed);
                }
            }

            return new ParsedFeed(
                format,
                FeedStrings.PlainTitle(String(root, "title")),
                FeedUrls.Resolve(String(root, "home_page_url"), feedUrl),
                FeedStrings.NonEmpty(String(root, "language")),
                list);
        }
    }

    private static FeedItem ReadItem(JsonElement item, Uri feedUrl)
    {
        var link = FeedUrls.Resolve(String(item, "url"), feedUrl);
        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number ? idValue.ToString() : null;
        var permalink = FeedUrls.Resolve(String(item, "external_url"), feedUrl)
            ?? (id is not null && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? FeedUrls.Resolve(id, feedUrl) : null);

        var tags = item.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToList()
            : [];
        return new FeedItem(
            link,
            FeedStrings.PlainTitle(String(item, "title")),
            FeedDates.Parse(String(item, "date_published")) ?? FeedDates.Parse(String(item, "date_modified")),
            tags,
            FeedHtml.Summary(FeedStrings.NonEmpty(String(item, "summary")) ?? FeedStrings.NonEmpty(String(item, "content_html")) ?? System.Net.WebUtility.HtmlEncode(FeedStrings.NonEmpty(String(item, "content_text"))), feedUrl),
            FeedStrings.NonEmpty(id),
            permalink);
    }

    private static ParsedFeed ReadRssInJson(JsonElement channel, Uri feedUrl)
    {
        var list = new List<FeedItem>();
        if (channel.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var guidText = item.TryGetProperty("guid", out var guid) ? (guid.ValueKind == JsonValueKind.Object ? String(guid, "value") : guid.ToString()) : null;
                var link = FeedUrls.Resolve(String(item, "link"), feedUrl) ?? FeedUrls.Resolve(guidText, feedUrl);

                var categories = item.TryGetProperty("category", out var c)
                    ? (c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().Select(e => e.ToString()) : [c.ToString()]).ToList()
                    : [];
                list.Add(new FeedItem(link, FeedStrings.PlainTitle(String(item, "title")), FeedDates.Parse(String(item, "pubDate")), categories, FeedHtml.Summary(String(item, "description"), feedUrl), FeedStrings.NonEmpty(guidText)));
            }
        }

        return new ParsedFeed("rss-in-json", FeedStrings.PlainTitle(String(channel, "title")), FeedUrls.Resolve(String(channel, "link"), feedUrl), FeedStrings.NonEmpty(String(channel, "language")), list);
    }

    private static string Normalize(string version) => version.Trim('/') is "1" ? "1.0" : version.Trim('/');

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
