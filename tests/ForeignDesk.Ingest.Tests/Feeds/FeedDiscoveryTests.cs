using ForeignDesk.Ingest.Feeds;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Feeds;

public sealed class FeedDiscoveryTests
{
    [Fact]
    public void FindFeeds_AlternateLinks_ReturnsAbsoluteFeedUrls()
    {
        const string html = """
            <html><head>
              <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
              <link rel="ALTERNATE" type="application/atom+xml" href="https://cdn.example/atom.xml">
              <link rel="alternate" type="application/feed+json" href="feed.json">
              <link rel="alternate" hreflang="de" href="/de/">
              <link rel="stylesheet" type="text/css" href="/s.css">
              <link rel="alternate" type="application/rss+xml" href="/rss.xml">
            </head><body></body></html>
            """;

        var feeds = FeedDiscovery.FindFeeds(html, new Uri("https://news.example/section/page.html"));

        Assert.Equal(
            [new Uri("https://news.example/rss.xml"), new Uri("https://cdn.example/atom.xml"), new Uri("https://news.example/section/feed.json")],
            feeds);
    }

    [Fact]
    public void FindFeeds_NoLinks_ReturnsEmpty() =>
        Assert.Empty(FeedDiscovery.FindFeeds("<p>nothing</p>", new Uri("https://news.example/")));
}
