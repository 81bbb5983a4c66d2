using System.IO.Compression;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Sitemaps;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Sitemaps;

public sealed class SitemapParserTests
{
    private static readonly Uri Url = new("https://news.example/sitemap.xml");
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

    private static SitemapDocument Parse(string text) => SitemapParser.Parse(Encoding.UTF8.GetBytes(text), Url);

    [Fact]
    public void Recent_NewsSitemap_TakesOnlyPagesWithinTheWindow()
    {
        var sitemap = Parse("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://news.example/a/new</loc><news:news><news:publication><news:name>El Ejemplo</news:name><news:language>es</news:language></news:publication>
                <news:publication_date>2024-05-10T09:00:00+02:00</news:publication_date><news:title>Nuevo</news:title></news:news></url>
              <url><loc>https://news.example/a/old</loc><lastmod>2024-05-01</lastmod></url>
              <url><loc>https://news.example/a/undated</loc></url>
              <url><loc>https://news.example/a/yesterday</loc><lastmod>2024-05-09T10:00:00Z</lastmod></url>
            </urlset>
            """);

        var recent = SitemapSelection.Recent(sitemap, Now, TimeSpan.FromDays(2));

        Assert.Equal(["https://news.example/a/new", "https://news.example/a/yesterday"], recent.Select(u => u.Location.AbsoluteUri));
        var news = recent[0].News!;
        Assert.Equal(("El Ejemplo", "es", "Nuevo"), (news.PublicationName, news.Language, news.Title));
        Assert.Equal(new DateTimeOffset(2024, 5, 10, 7, 0, 0, TimeSpan.Zero), news.PublicationDate);
    }

    [Fact]
    public void Children_Index_PrefersSitemapsNamedForRecentDays()
    {
        var index = Parse("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://news.example/sitemap-2023-01-01.xml</loc></sitemap>
              <sitemap><loc>https://news.example/sitemap-2024-05-10.xml</loc></sitemap>
              <sitemap><loc>https://news.example/sitemap-2022-01-01.xml</loc></sitemap>
            </sitemapindex>
            """);

        var children = SitemapSelection.Children(index, Now, TimeSpan.FromDays(2), limit: 2);

        Assert.Equal(SitemapKind.Index, index.Kind);
        Assert.Equal(["https://news.example/sitemap-2024-05-10.xml", "https://news.example/sitemap-2023-01-01.xml"], children.Select(c => c.AbsoluteUri));
    }

    [Fact]
    public void Parse_GzipBomb_RefusedAtTheCap()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes("<urlset>"));
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 8; i++)
            {
                gzip.Write(zeros);
            }
        }

        var ex = Assert.Throws<FeedFormatException>(() => SitemapParser.Parse(packed.ToArray(), Url, maxDecompressedBytes: 1024 * 1024));
        Assert.Contains("inflates to more than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExternalEntityAndEntityBomb_NeverResolvedOrExpanded()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"fd-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOPSECRET");
        try
        {
            var sitemap = Parse($"""
                <?xml version="1.0"?>
                <!DOCTYPE urlset [
                  <!ENTITY xxe SYSTEM "file://{secret}">
                  <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                ]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example/x?q=&xxe;</loc><changefreq>&e;</changefreq></url>
                </urlset>
                """);

            var url = Assert.Single(sitemap.Urls);
            Assert.DoesNotContain("TOPSECRET", url.Location.OriginalString, StringComparison.Ordinal);
            Assert.True((url.ChangeFrequency ?? "").Length < 100, "entities were expanded");
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
