using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Sitemaps;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Sitemaps;

/// <summary>Every case of <c>../shared/corpus/sitemaps</c> against its expectations (hreflang keys are not modelled and are ignored).</summary>
public sealed partial class SitemapCorpusTests
{
    private const string Missing = "(corpus not found)";
    private static readonly string? Folder = SharedFolder.Find("corpus/sitemaps", "expected.json");
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder!, "expected.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    });

    public static TheoryData<string> Files => new(Folder is null ? [Missing] : Cases.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_CorpusFile_MeetsExpectations(string file)
    {
        if (Folder is null)
        {
            Assert.Skip(SharedFolder.SkipMessage("corpus/sitemaps"));
            return;
        }

        var entry = Cases.Value[file];
        var url = new Uri(entry.GetProperty("input").GetProperty("url").GetString()!);
        var body = File.ReadAllBytes(Path.Combine(Folder, file));
        var sitemap = SitemapParser.Parse(body, url);

        var problems = entry.GetProperty("expect").EnumerateObject()
            .Select(p => Check(p.Name, p.Value, sitemap, body))
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    private static string? Check(string key, JsonElement expected, SitemapDocument sitemap, byte[] body)
    {
        switch (key)
        {
            case "kind":
                return Compare(key, expected, sitemap.Kind switch { SitemapKind.UrlSet => "urlset", SitemapKind.Index => "sitemapindex", _ => "feed-as-sitemap" });
            case "urls.count" or "lenient.urls.count":
                return Compare(key, expected, sitemap.Urls.Count);
            case "sitemaps.count":
                return Compare(key, expected, sitemap.Sitemaps.Count);
            case "sitemaps.locs":
                return CompareList(key, expected, sitemap.Sitemaps.Select(s => s.OriginalString).ToList());
            case "strict_namespace_ok":
                return Compare(key, expected, sitemap.StrictNamespace);
            case "gzip":
                return Compare(key, expected, body.Length > 2 && body[0] == 0x1F && body[1] == 0x8B);
        }

        var m = UrlKey().Match(key);
        if (!m.Success)
        {
            return null;
        }

        var index = m.Groups["index"].Value;
        var urls = index == "*" ? sitemap.Urls : int.Parse(index, CultureInfo.InvariantCulture) < sitemap.Urls.Count ? [sitemap.Urls[int.Parse(index, CultureInfo.InvariantCulture)]] : [];
        if (urls.Count == 0)
        {
            return $"{key}: no such url (sitemap has {sitemap.Urls.Count})";
        }

        foreach (var url in urls)
        {
            var field = m.Groups["field"].Value;
            object? actual = field switch
            {
                "loc" => url.Location.OriginalString,
                "lastmod" => Instant(url.LastModified),
                "changefreq" => url.ChangeFrequency,
                "news.publication_name" => url.News?.PublicationName,
                "news.language" => url.News?.Language,
                "news.publication_date" => Instant(url.News?.PublicationDate),
                "news.title" => url.News?.Title,
                "news.keywords" => url.News?.Keywords,
                "news.genres" => url.News?.Genres,
                "news.stock_tickers" => url.News?.StockTickers,
                "news.access" => url.News?.Access,
                "news.valid" => url.News?.Valid,
                _ when ImageKey().Match(field) is { Success: true } image => Image(url, image),
                _ => null,
            };
            var problem = actual is IReadOnlyList<string> list ? CompareList(key, expected, list) : Compare(key, expected, actual);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Image(SitemapUrl url, Match image)
    {
        var i = int.Parse(image.Groups["index"].Value, CultureInfo.InvariantCulture);
        var found = i < url.Images.Count ? url.Images[i] : null;
        return image.Groups["field"].Value switch
        {
            "loc" => found?.Location.OriginalString,
            "caption" => found?.Caption,
            "geo_location" => found?.GeoLocation,
            "title" => found?.Title,
            "license" => found?.License,
            _ => null,
        };
    }

    private static string? Instant(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Compare(string key, JsonElement expected, object? actual)
    {
        var text = actual switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => actual.ToString(),
        };
        if (expected.ValueKind == JsonValueKind.Object)
        {
            foreach (var op in expected.EnumerateObject())
            {
                var ok = op.Name switch
                {
                    "startswith" => text is not null && text.StartsWith(op.Value.GetString()!, StringComparison.Ordinal),
                    "nonempty" => !string.IsNullOrEmpty(text) == op.Value.GetBoolean(),
                    "absent" => string.IsNullOrEmpty(text) == op.Value.GetBoolean(),
                    "min" => double.TryParse(text, CultureInfo.InvariantCulture, out var n) && n >= op.Value.GetDouble(),
                    _ => false,
                };
                if (!ok)
                {
                    return $"{key}: expected {op.Name} {op.Value}, got '{text}'";
                }
            }

            return null;
        }

        var want = expected.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => expected.GetString(),
            _ => expected.ToString(),
        };
        return string.Equals(want?.Trim(), text?.Trim(), StringComparison.Ordinal) ? null : $"{key}: expected '{want}', got '{text}'";
    }

    private static string? CompareList(string key, JsonElement expected, IReadOnlyList<string> actual)
    {
        if (expected.ValueKind == JsonValueKind.Object && expected.TryGetProperty("contains_value", out var value))
        {
            return actual.Contains(value.GetString()!) ? null : $"{key}: expected to contain '{value}', got [{string.Join(", ", actual)}]";
        }

        var want = expected.EnumerateArray().Select(e => e.GetString()!).ToList();
        return want.SequenceEqual(actual) ? null : $"{key}: expected [{string.Join(", ", want)}], got [{string.Join(", ", actual)}]";
    }

    [GeneratedRegex(@"^urls\[(?<index>\*|\d+)\]\.(?<field>.+)$")]
    private static partial Regex UrlKey();

    [GeneratedRegex(@"^images\[(?<index>\d+)\]\.(?<field>.+)$")]
    private static partial Regex ImageKey();
}
