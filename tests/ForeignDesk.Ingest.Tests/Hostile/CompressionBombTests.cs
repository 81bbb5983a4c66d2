using System.IO.Compression;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Tests.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Hostile;

/// <summary>A small compressed body that inflates past the cap: the cap counts decompressed bytes.</summary>
public sealed class CompressionBombTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task FetchAsync_CompressionBomb_StopsAtDecompressedCap(string encoding)
    {
        var bomb = Compress(encoding, 64 * 1024 * 1024);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/feed.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.MaxBodyBytes = 1024 * 1024);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")), Ct);

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb itself ({bomb.Length} bytes) is under the cap");
        Assert.Equal(FetchStatus.TooLarge, outcome.Status);
        Assert.Equal("response exceeds 1 MiB", outcome.Error);
        Assert.Null(outcome.Page);
    }

    private static byte[] Compress(string encoding, int zeros)
    {
        using var packed = new MemoryStream();
        using (Stream compressor = encoding == "br"
            ? new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true)
            : new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write("<rss><channel><title>"u8);
            var zeroes = new byte[1024 * 1024];
            for (var written = 0; written < zeros; written += zeroes.Length)
            {
                compressor.Write(zeroes);
            }
        }

        return packed.ToArray();
    }
}
