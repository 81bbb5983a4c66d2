using System.IO.Compression;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Sitemaps;

/// <summary>Gzip-compressed sitemaps (<c>sitemap.xml.gz</c>), inflated with a cap so that a small bomb cannot fill memory.</summary>
internal static class SitemapGzip
{
    public static bool IsGzip(byte[] body) => body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B;

    public static byte[] Decompress(byte[] body, long maxBytes)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new FeedFormatException($"not a sitemap: it inflates to more than {maxBytes} bytes");
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FeedFormatException($"not a sitemap: broken gzip data ({ex.Message})", ex);
        }

        return output.ToArray();
    }
}
