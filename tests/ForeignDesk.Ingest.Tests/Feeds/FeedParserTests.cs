using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example/feeds/main.xml");

    private static ParsedFeed Parse(string text) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), FeedUrl);

    [Fact]
    public void Parse_Rss20_ReadsItems()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
              <title>Die Zeit &amp; mehr</title><link>https://news.example/</link><language>de</language>
              <item><title>Erste &lt;b&gt;Meldung&lt;/b&gt;</title><link>/artikel/1?utm_source=rss</link>
                <pubDate>Do, 22 Dez 2016 10:30:00 CEST</pubDate><category>Politik</category><category>Welt</category>
                <description><![CDATA[<p>Text &nbsp; hier</p>]]></description></item>
              <item><title>Zweite</title><guid>https://news.example/artikel/2</guid><dc:date>2016-12-22T08:00:00+01:00</dc:date></item>
            </channel></rss>
            """);

        Assert.Equal("rss-2.0", feed.Format);
        Assert.Equal("Die Zeit & mehr", feed.Title);
        Assert.Equal(new Uri("https://news.example/"), feed.HomeUrl);
        Assert.Equal("de", feed.Language);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new Uri("https://news.example/artikel/1?utm_source=rss"), feed.Items[0].Link);
        Assert.Equal("Erste Meldung", feed.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2016, 12, 22, 8, 30, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(["Politik", "Welt"], feed.Items[0].Categories);
        Assert.Equal("<p>Text &nbsp; hier</p>", feed.Items[0].Summary);
        Assert.Equal(new Uri("https://news.example/artikel/2"), feed.Items[1].Link);
        Assert.Equal(new DateTimeOffset(2016, 12, 22, 7, 0, 0, TimeSpan.Zero), feed.Items[1].Published);
    }

    [Fact]
    public void Parse_Rss10Rdf_ReadsItemsOutsideChannel()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://news.example/"><title>RDF</title><link>https://news.example/</link></channel>
              <item rdf:about="https://news.example/a"><title>A</title><link>https://news.example/a</link><dc:date>2024-03-01T12:00Z</dc:date><dc:subject>Kultur</dc:subject></item>
            </rdf:RDF>
            """);

        Assert.Equal("rss-1.0", feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("A", item.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(["Kultur"], item.Categories);
    }

    [Fact]
    public void Parse_Atom10_ResolvesXmlBaseAndStripsHtmlTitle()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://news.example/fr/">
              <title type="html">Le &lt;em&gt;Monde&lt;/em&gt;</title>
              <link rel="self" href="feed.atom"/><link href="./"/>
              <entry xml:base="articles/"><title>Un</title><link rel="alternate" type="text/html" href="un.html"/>
                <published>2024-05-06T07:08:09+02:00</published><category term="Politique"/><summary>Résumé</summary></entry>
            </feed>
            """);

        Assert.Equal("atom-1.0", feed.Format);
        Assert.Equal("Le Monde", feed.Title);
        Assert.Equal("fr", feed.Language);
        Assert.Equal(new Uri("https://news.example/fr/"), feed.HomeUrl);
        var entry = Assert.Single(feed.Items);
        Assert.Equal(new Uri("https://news.example/fr/articles/un.html"), entry.Link);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 5, 8, 9, TimeSpan.Zero), entry.Published);
        Assert.Equal(["Politique"], entry.Categories);
        Assert.Equal("Résumé", entry.Summary);
    }

    [Fact]
    public void Parse_Atom03_UsesIssuedDate()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
              <entry><title>E</title><link rel="alternate" type="text/html" href="https://news.example/e"/><issued>2003-12-13T08:29:29-04:00</issued></entry>
            </feed>
            """);

        Assert.Equal("atom-0.3", feed.Format);
        Assert.Equal(new DateTimeOffset(2003, 12, 13, 12, 29, 29, TimeSpan.Zero), Assert.Single(feed.Items).Published);
    }

    [Fact]
    public void Parse_JsonFeed_ReadsItems()
    {
        var feed = Parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON News", "home_page_url": "https://news.example/", "language": "es",
             "items": [{"id": "1", "url": "/noticias/1", "title": "Hola", "date_published": "2024-01-02T03:04:05Z", "tags": ["Mundo"], "content_html": "<p>x</p>"},
                       {"id": "no-link", "title": "Sin enlace"}]}
            """);

        Assert.Equal("json-1.1", feed.Format);
        Assert.Equal("JSON News", feed.Title);
        Assert.Equal("es", feed.Language);
        Assert.Equal(2, feed.Items.Count);
        var item = feed.Items[0];
        Assert.Equal(new Uri("https://news.example/noticias/1"), item.Link);
        Assert.Null(feed.Items[1].ArticleUrl);
        Assert.Equal("no-link", feed.Items[1].Id);
        Assert.Equal(["Mundo"], item.Categories);
        Assert.Equal("<p>x</p>", item.Summary);
    }

    [Fact]
    public void Parse_BrokenFeed_Recovers()
    {
        var bytes = Encoding.UTF8.GetBytes("\n\n garbage <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
            + "<rss version=\"2.0\"><channel><title>Caf\u00e9&nbsp;Zeitung &copy; Tom & Jerry</title>"
            + "<item><title>Eins</title><link>https://news.example/1?a=1&b=2</link></item>"
            + "<item><title>Zwei</title><link>https://news.example/2</link>");

        var feed = FeedParser.Parse(bytes, FeedUrl);

        Assert.Equal("Caf\u00e9\u00a0Zeitung \u00a9 Tom & Jerry", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new Uri("https://news.example/1?a=1&b=2"), feed.Items[0].Link);
    }

    [Fact]
    public void Parse_Windows1251Declared_DecodesCyrillic()
    {
        var encoding = CodePagesEncoding(1251);
        var bytes = encoding.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Новости</title>"
            + "<item><title>Цитата</title><link>https://news.example/q</link></item></channel></rss>");

        var feed = FeedParser.Parse(bytes, FeedUrl);

        Assert.Equal("Новости", feed.Title);
        Assert.Equal("Цитата", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_ExternalEntity_IsNotResolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"fd-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var feed = Parse($"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY bomb "boom">]>
                <rss version="2.0"><channel><title>t &xxe; &bomb;</title>
                <item><title>&xxe;</title><link>https://news.example/x</link></item></channel></rss>
                """);

            Assert.DoesNotContain("TOP-SECRET", feed.Title);
            Assert.DoesNotContain("TOP-SECRET", feed.Items[0].Title ?? "");
            Assert.Contains("boom", feed.Title);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("<html><head><title>Home</title></head><body>hi</body></html>", "HTML")]
    [InlineData("", "empty")]
    [InlineData("{\"hello\": 1}", "JSON")]
    [InlineData("just text", "neither")]
    [InlineData("<opml version=\"2.0\"><body/></opml>", "<opml>")]
    public void Parse_NotAFeed_ThrowsWithReason(string text, string reason)
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse(text));
        Assert.Contains(reason, ex.Message);
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z")]
    [InlineData("Tue, 10 Jun 2003 04:00 +0200", "2003-06-10T02:00:00Z")]
    [InlineData("10 Jun 03 04:00:00 EST", "2003-06-10T09:00:00Z")]
    [InlineData("Sat, 01 Jun 2024 12:00:00 GMT+2", "2024-06-01T10:00:00Z")]
    [InlineData("Sat, 01 Jun 2024 12:00:00 CEST", "2024-06-01T10:00:00Z")]
    [InlineData("Do, 22 Dez 2016 10:00:00 +0100", "2016-12-22T09:00:00Z")]
    [InlineData("03 Apr 02 1500 GMT", "2002-04-03T15:00:00Z")]
    [InlineData("mar, 3 mars 2020 08:15:00 +0100", "2020-03-03T07:15:00Z")]
    [InlineData("2003-12-13T18:30:02Z", "2003-12-13T18:30:02Z")]
    [InlineData("2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02Z")]
    [InlineData("2003-12-13 18:30", "2003-12-13T18:30:00Z")]
    [InlineData("2003-12-13", "2003-12-13T00:00:00Z")]
    public void Parse_ItemDate_UnderstandsCommonForms(string date, string expected)
    {
        var feed = Parse($"<rss version=\"2.0\"><channel><item><link>https://n.example/a</link><pubDate>{date}</pubDate></item></channel></rss>");
        Assert.Equal(DateTimeOffset.Parse(expected).ToString("yyyy-MM-ddTHH:mm:ss"), feed.Items[0].Published?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
