using System.Text;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Tests.Extract;
using ForeignDesk.Ingest.Tests.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Hostile;

/// <summary>Feeds and articles served over HTTP with invalid UTF-8 or a wrong charset label: decoded, never crashing.</summary>
public sealed class EncodingOverHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    static EncodingOverHttpTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Latin1 => Encoding.GetEncoding("windows-1252");

    [Fact]
    public async Task Feed_DeclaredUtf8ButLatin1Bytes_ParsesItsItemsWithReplacementCharacters()
    {
        var feed = Latin1.GetBytes("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Diario</title>
            <item><title>Campeón de España</title><link>/deportes/campeon-1.html</link></item>
            <item><title>Año nuevo</title><link>/sociedad/ano-2.html</link></item>
            </channel></rss>
            """);
        var outcome = await ServeAsync("/feed.xml", "application/rss+xml; charset=utf-8", feed);

        var parsed = FeedParser.Parse(outcome.Page!.Body, outcome.Page.FinalUrl);

        Assert.Equal(2, parsed.Items.Count);
        // The document says UTF-8, as the HTTP header does: bytes that are not UTF-8 become U+FFFD, the rest stays.
        Assert.Equal("Campe\uFFFDn de Espa\uFFFDa", parsed.Items[0].Title);
        Assert.Equal("/deportes/campeon-1.html", parsed.Items[0].Link!.AbsolutePath);
    }

    [Fact]
    public async Task Feed_InvalidUtf8Bytes_ParsesAroundThem()
    {
        var feed = Concat(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Diario</title><item><title>Malo "u8.ToArray(),
            [0xFF, 0xC3, 0x28, 0xE2, 0x82],
            " fin</title><link>/a-1.html</link></item></channel></rss>"u8.ToArray());
        var outcome = await ServeAsync("/feed.xml", "application/rss+xml", feed);

        var parsed = FeedParser.Parse(outcome.Page!.Body, outcome.Page.FinalUrl);

        var item = Assert.Single(parsed.Items);
        Assert.StartsWith("Malo ", item.Title);
        Assert.EndsWith(" fin", item.Title);
        Assert.Equal("/a-1.html", item.Link!.AbsolutePath);
    }

    [Fact]
    public async Task Article_LabelledLatin1ButUtf8_DecodedAsLabelledWithoutCrash()
    {
        var html = TestPages.Article();
        var outcome = await ServeAsync("/politica/ley_1_100.html", "text/html; charset=iso-8859-1", Encoding.UTF8.GetBytes(html));

        var extracted = new ArticleExtractor().Extract(outcome.Page!);

        Assert.NotNull(extracted.Article);
        Assert.Contains("Consejo de Ministros", extracted.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_InvalidUtf8WithoutLabel_DecodedWithoutCrash()
    {
        var html = Encoding.UTF8.GetBytes(TestPages.Article(extra: "<p>Bytes rotos: \u0001 y más texto del artículo para el cuerpo.</p>"));
        var broken = Concat(html[..^200], [0xFF, 0xFE, 0xC0, 0x80], html[^200..]);
        var outcome = await ServeAsync("/politica/ley_1_100.html", "text/html", broken);

        var extracted = new ArticleExtractor().Extract(outcome.Page!);

        Assert.NotNull(extracted.Article);
        Assert.Contains("Consejo de Ministros", extracted.Article.Text, StringComparison.Ordinal);
    }

    private static async Task<FetchOutcome> ServeAsync(string path, string contentType, byte[] body)
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet(path, async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }), Ct);
        using var fetcher = TestFetchers.Create();
        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url(path)), Ct);
        Assert.Equal(FetchStatus.Ok, outcome.Status);
        Assert.Equal(body, outcome.Page!.Body);
        return outcome;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
