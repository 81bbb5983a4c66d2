using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Decodes the bytes of an HTML page into text, choosing the encoding the way browsers do.</summary>
/// <remarks>
/// Order: byte order mark, charset of the HTTP Content-Type, <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> in the
/// first 4 KB, then sniffing (valid UTF-8 is UTF-8, anything else windows-1252). Invalid bytes become U+FFFD.
/// </remarks>
public static partial class HtmlDecoding
{
    private const int PrescanBytes = 4096;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (encoding, skip) = Choose(body, contentType);
        return encoding.GetString(body, skip, body.Length - skip);
    }

    /// <summary>The encoding <see cref="Decode"/> would use, and how many BOM bytes it skips.</summary>
    public static (Encoding Encoding, int BomLength) Choose(byte[] body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (FromBom(body) is { } bom) return bom;
        if (FromName(CharsetOf(contentType)) is { } declared) return (declared, 0);
        if (FromName(MetaCharset(body)) is { } meta)
        {
            // A page that says UTF-16 in its own bytes cannot be UTF-16 (the meta tag was readable as ASCII).
            return (meta.CodePage is 1200 or 1201 ? new UTF8Encoding(false) : meta, 0);
        }
        return Utf8.IsValid(body) ? (new UTF8Encoding(false), 0) : (FromName("windows-1252")!, 0);
    }

    private static (Encoding, int)? FromBom(byte[] body)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE) return (new UnicodeEncoding(false, false), 2);
        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF) return (new UnicodeEncoding(true, false), 2);
        return null;
    }

    internal static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, PrescanBytes));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var label = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // WHATWG Encoding: these labels all mean windows-1252 on the web.
        if (label is "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252") label = "windows-1252";
        if (label is "utf8" or "unicode-1-1-utf-8") label = "utf-8";
        if (label is "x-sjis" or "sjis" or "ms_kanji" or "windows-31j") label = "shift_jis";
        if (label is "gb2312" or "gbk" or "x-gbk") label = "gb18030";
        try
        {
            var encoding = Encoding.GetEncoding(label, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            return encoding.CodePage == 65001 ? new UTF8Encoding(false) : encoding;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // unknown label, or one .NET refuses (UTF-7): fall through to the next source of truth
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
