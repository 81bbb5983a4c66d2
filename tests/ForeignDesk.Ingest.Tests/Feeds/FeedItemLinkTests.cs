using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Feeds;

public sealed class FeedItemLinkTests
{
    private static readonly Uri FeedUrl = new("https://news.example/feed.xml");

    private static ParsedFeed Parse(string text) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), FeedUrl);

    [Fact]
    public void Parse_RssItemWithoutLink_KeepsItemWithNullLink()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><item><title>Only a title</title></item></channel></rss>");

        var item = Assert.Single(feed.Items);
        Assert.Null(item.Link);
        Assert.Null(item.ArticleUrl);
        Assert.Equal("Only a title", item.Title);
    }

    [Fact]
    public void Parse_AtomEntryWithOnlyAnId_UsesTheIdAsPermalinkNotLink()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>https://news.example/posts/7</id><title>T</title></entry></feed>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Null(item.Link);
        Assert.Equal("https://news.example/posts/7", item.Id);
        Assert.Equal(new Uri("https://news.example/posts/7"), item.ArticleUrl);
    }

    [Fact]
    public void Parse_GuidNotPermalink_IsIdWithPermalinkOnlyWhenItIsAUrl()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><guid isPermaLink="false">tag:news.example,2024:1</guid></item>
              <item><guid isPermaLink="false">https://news.example/a/2</guid></item>
            </channel></rss>
            """);

        Assert.Null(feed.Items[0].ArticleUrl);
        Assert.Equal("tag:news.example,2024:1", feed.Items[0].Id);
        Assert.Null(feed.Items[1].Link);
        Assert.Equal(new Uri("https://news.example/a/2"), feed.Items[1].ArticleUrl);
    }

    [Fact]
    public void Parse_SummaryWithScript_DropsScriptAndItsCode()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><item><link>/a</link>
            <description>&lt;p&gt;safe&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href="/x" onclick="evil()"&gt;link&lt;/a&gt;&lt;/p&gt;</description>
            </item></channel></rss>
            """);

        var summary = feed.Items[0].Summary!;
        Assert.DoesNotContain("script", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example/x\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_C1ControlCharacters_ReadAsWindows1252()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><item><link>/a</link><title>don\u0092t &#150; ok</title></item></channel></rss>");

        Assert.Equal("don\u2019t \u2013 ok", feed.Items[0].Title);
    }
}
