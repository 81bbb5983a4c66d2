namespace ForeignDesk.Web.Images;

/// <summary>
/// The image formats the site takes from outlets, told by their first bytes (never by the outlet's Content-Type): JPEG,
/// PNG, GIF, WebP and AVIF. SVG and everything else is refused (SVG may carry scripts).
/// </summary>
internal static class ImageTypes
{
    /// <summary>The media type of <paramref name="body"/>, or null when it is none of the served formats.</summary>
    public static string? Sniff(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (body.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (body.StartsWith("GIF87a"u8) || body.StartsWith("GIF89a"u8)) return "image/gif";
        if (body.Length >= 12 && body.StartsWith("RIFF"u8) && body[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (body.Length >= 12 && body[4..8].SequenceEqual("ftyp"u8) && (body[8..12].SequenceEqual("avif"u8) || body[8..12].SequenceEqual("avis"u8))) return "image/avif";
        return null;
    }
}
