using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;

namespace ForeignDesk.Bench.Feeds;

/// <summary>
/// Checks the expectation keys of the corpus that <see cref="ParsedFeed"/> can answer (format, feed title/link/language,
/// item count, item title/link/published/summary/categories) and ignores the others.
/// </summary>
internal static partial class CorpusExpectations
{
    /// <summary>Mismatches, one line each; null for a key this model has no field for.</summary>
    public static string? Check(string key, JsonElement expected, ParsedFeed feed)
    {
        switch (key)
        {
            case "parses" or "no_crash" or "problem" or "encoding" or "decoded_contains":
                return null;
            case "version":
                return Compare(key, expected, feed.Format, url: false);
            case "detected_family":
                return Compare(key, expected, Family(feed.Format), url: false);
            case "feed.title":
                return Compare(key, PlainExpected(expected), feed.Title, url: false);
            case "feed.link":
                return Compare(key, expected, feed.HomeUrl?.AbsoluteUri, url: true);
            case "feed.language":
                return Compare(key, Language(expected), feed.Language?.Replace('_', '-').ToLowerInvariant(), url: false);
            case "items.count":
                return Compare(key, expected, feed.Items.Count.ToString(CultureInfo.InvariantCulture), url: false);
            case "items.distinct_links.count":
                return Compare(key, expected, feed.Items.Select(i => i.Link?.AbsoluteUri).OfType<string>().Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture), url: false);
        }

        var m = ItemKey().Match(key);
        if (!m.Success)
        {
            return null;
        }

        var items = Select(m.Groups["index"].Value, feed.Items);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            return $"{key}: no such item (feed has {feed.Items.Count})";
        }

        foreach (var item in items)
        {
            var field = m.Groups["field"].Value;
            var problem = field switch
            {
                "title" => Compare(key, PlainExpected(expected), item.Title, url: false),
                "link" => Compare(key, expected, item.Link?.AbsoluteUri, url: true),
                "id" => Compare(key, expected, item.Id, url: false),
                "published" => Compare(key, expected, item.Published?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), url: false),
                "summary" => expected.ValueKind == JsonValueKind.Object && expected.TryGetProperty("contains", out var part)
                    ? ContainsText(key, part.GetString(), item.Summary)
                    : Compare(key, HtmlExpected(expected), item.Summary, url: false),
                "categories.count" => Compare(key, expected, item.Categories.Count.ToString(CultureInfo.InvariantCulture), url: false),
                _ when field.StartsWith("categories[", StringComparison.Ordinal) && field.EndsWith("].term", StringComparison.Ordinal) =>
                    CategoryTerm(key, field, expected, item),
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    public static string Family(string format) => format switch
    {
        "rss-in-json" => "rss-in-json",
        _ when format.StartsWith("rss", StringComparison.Ordinal) => "rss",
        _ when format.StartsWith("atom", StringComparison.Ordinal) => "atom",
        _ when format.StartsWith("json", StringComparison.Ordinal) => "json",
        _ => format,
    };

    /// <summary>Titles are plain text here; peers that keep HTML in titles are compared by their text.</summary>
    private static JsonElement PlainExpected(JsonElement expected) =>
        expected.ValueKind == JsonValueKind.String
            ? JsonSerializer.SerializeToElement(FeedStrings.PlainTitle(expected.GetString()) ?? "")
            : expected;

    /// <summary>
    /// Summaries are kept as allow-listed HTML; the peer's HTML is put in the same representation (same sanitizer,
    /// same serializer) so that <c>&lt;br /&gt;</c> and <c>&lt;br&gt;</c> or <c>&amp;#38;</c> and <c>&amp;amp;</c> compare equal.
    /// </summary>
    private static JsonElement HtmlExpected(JsonElement expected) => expected.ValueKind switch
    {
        JsonValueKind.String => JsonSerializer.SerializeToElement(FeedHtml.Summary(expected.GetString(), ExpectedBase) ?? ""),
        _ => expected,
    };

    /// <summary>A piece of the peer's HTML is compared by its text, since a fragment cannot be put through the sanitizer alone.</summary>
    private static string? ContainsText(string key, string? expected, string? actual)
    {
        var part = FeedStrings.PlainTitle(expected) ?? "";
        var text = FeedStrings.PlainTitle(actual) ?? "";
        return text.Contains(part, StringComparison.Ordinal) ? null : $"{key}: expected text containing '{part}', got '{text}'";
    }

    private static readonly Uri ExpectedBase = new("http://feeds.test/");

    private static JsonElement Language(JsonElement expected) =>
        expected.ValueKind == JsonValueKind.String
            ? JsonSerializer.SerializeToElement(expected.GetString()!.Replace('_', '-').ToLowerInvariant())
            : expected;

    private static string? CategoryTerm(string key, string field, JsonElement expected, FeedItem item)
    {
        var index = int.Parse(field["categories[".Length..field.IndexOf(']')], CultureInfo.InvariantCulture);
        return Compare(key, expected, index < item.Categories.Count ? item.Categories[index] : null, url: false);
    }

    private static List<FeedItem>? Select(string index, IReadOnlyList<FeedItem> items)
    {
        if (index == "*")
        {
            return [.. items];
        }

        if (int.TryParse(index, CultureInfo.InvariantCulture, out var i))
        {
            var at = i < 0 ? items.Count + i : i;
            return at >= 0 && at < items.Count ? [items[at]] : [];
        }

        if (index.StartsWith("title=", StringComparison.Ordinal))
        {
            return items.Where(t => t.Title?.Trim() == index["title=".Length..].Trim()).Take(1).ToList();
        }

        if (index.StartsWith("id=", StringComparison.Ordinal))
        {
            return items.Where(t => t.Id?.Trim() == index["id=".Length..].Trim()).Take(1).ToList();
        }

        return null;
    }

    private static string? Compare(string key, JsonElement expected, string? actual, bool url)
    {
        var value = actual?.Trim();
        if (expected.ValueKind == JsonValueKind.Object)
        {
            foreach (var op in expected.EnumerateObject())
            {
                var ok = op.Name switch
                {
                    "contains" => value is not null && value.Contains(op.Value.ToString().Trim(), StringComparison.Ordinal),
                    "startswith" => value is not null && Norm(value, url).StartsWith(Norm(op.Value.ToString(), url), StringComparison.Ordinal),
                    "nonempty" => !string.IsNullOrEmpty(value) == op.Value.GetBoolean(),
                    "absent" => string.IsNullOrEmpty(value) == op.Value.GetBoolean(),
                    "min" => double.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= op.Value.GetDouble(),
                    "in" => op.Value.EnumerateArray().Any(v => Norm(v.ToString(), url) == Norm(value, url)),
                    "not_in" => op.Value.EnumerateArray().All(v => Norm(v.ToString(), url) != Norm(value, url)),
                    _ => true,
                };
                if (!ok)
                {
                    return $"{key}: expected {op.Name} {op.Value}, got '{value}'";
                }
            }

            return null;
        }

        var text = expected.ValueKind == JsonValueKind.String ? expected.GetString() : expected.ToString();
        return Norm(text, url) == Norm(value, url) ? null : $"{key}: expected '{text}', got '{value}'";
    }

    private static string Norm(string? value, bool url)
    {
        var text = value?.Trim() ?? "";
        return url && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : text;
    }

    [GeneratedRegex(@"^items\[(?<index>[^\]]+)\]\.(?<field>.+)$")]
    private static partial Regex ItemKey();
}
