using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Feeds;

/// <summary>Cases from other feed parsers' suites: markup-like text in CDATA, XHTML bodies in RSS items.</summary>
public sealed class FeedParserEdgeTests
{
    private static readonly Uri FeedUrl = new("https://news.example/feeds/main.xml");

    private static ParsedFeed Parse(string text) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), FeedUrl);

    [Theory]
    [InlineData("<![CDATA[ <!DOCTYPE ]]>")]
    [InlineData("<![CDATA[<!DOCTYPE html>]]>")]
    [InlineData("<![CDATA[ <?xml version=\"1.0\"?> ]]>")]
    [InlineData("<![CDATA[ <!DOCTYPE x [ <!ENTITY a \"b\"> ]> ]]>")]
    public void Parse_CdataThatLooksLikeMarkup_KeepsItAsTextAndReadsEveryItem(string cdata)
    {
        var feed = Parse($"""
            <rss version="2.0"><channel><title>Diario</title>
              <item><title>Uno</title><link>https://news.example/1</link><description>{cdata}</description></item>
              <item><title>Dos</title><link>https://news.example/2</link></item>
            </channel></rss>
            """);

        Assert.Equal(["Uno", "Dos"], feed.Items.Select(i => i.Title));
        Assert.Equal(new Uri("https://news.example/2"), feed.Items[1].Link);
    }

    [Fact]
    public void Parse_DoctypeInTheProlog_IsStillDropped()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY outlet "Diario del Sur"> ]>
            <rss version="2.0"><channel><title>&outlet;</title>
              <item><title>Uno</title><link>https://news.example/1</link><description><![CDATA[ <!DOCTYPE ]]></description></item>
            </channel></rss>
            """);

        Assert.Equal("Diario del Sur", feed.Title);
        Assert.Single(feed.Items);
    }

    [Theory]
    [InlineData("<xhtml:body xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"><xhtml:p>Texto del <xhtml:b>cuerpo</xhtml:b></xhtml:p></xhtml:body>")]
    [InlineData("<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Texto del <b>cuerpo</b></p></body>")]
    public void Parse_RssItemWithXhtmlBody_KeepsItsText(string body)
    {
        var feed = Parse($"""
            <rss version="2.0"><channel><title>Diario</title>
              <item><title>Uno</title><link>https://news.example/1</link>{body}</item>
            </channel></rss>
            """);

        var summary = Assert.Single(feed.Items).Summary;
        Assert.NotNull(summary);
        Assert.Contains("Texto del", summary, StringComparison.Ordinal);
        Assert.Contains("cuerpo", summary, StringComparison.Ordinal);
    }

    /// <summary>Found by <c>bench fuzz</c>: a declared UTF-7 (which .NET refuses) threw NotSupportedException out of the parser.</summary>
    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF-7")]
    [InlineData("x-unicode-2-0-utf-7")]
    public void Parse_DeclaredUtf7OnBytesThatAreNotUtf8_ReadsThemAsWindows1252(string encoding)
    {
        var bytes = Encoding.Latin1.GetBytes($"""
            <?xml version="1.0" encoding="{encoding}"?>
            <rss version="2.0"><channel><title>Café</title>
              <item><title>Un café</title><link>https://news.example/1</link></item>
            </channel></rss>
            """);

        var feed = FeedParser.Parse(bytes, FeedUrl);

        Assert.Equal("Un café", Assert.Single(feed.Items).Title);
    }
}
