using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>
/// Turns feed bytes into XML text that a strict reader accepts: picks the encoding (BOM, then valid UTF-8, then the
/// declared one, then windows-1252), drops bytes before the first tag, the XML declaration and the DOCTYPE (keeping
/// simple internal entity values), turns HTML entities into character references and escapes stray ampersands.
/// CDATA sections and comments are left as they are.
/// </summary>
internal static partial class FeedText
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    static FeedText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The document as text; C1 control characters (U+0080-U+009F) are read as the windows-1252 characters they almost always are.</summary>
    public static string Decode(byte[] body) => MapC1Controls(DecodeBytes(body));

    private static string MapC1Controls(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') < 0)
        {
            return text;
        }

        var windows1252 = Encoding.GetEncoding(1252);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                var mapped = windows1252.GetString([(byte)chars[i]]);
                if (mapped.Length == 1 && mapped[0] is not ('?' or >= '\u0080' and <= '\u009F'))
                {
                    chars[i] = mapped[0];
                }
            }
        }

        return new string(chars);
    }

    private static string DecodeBytes(byte[] body)
    {
        var span = body.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Encoding.UTF8.GetString(span[3..]);
        if (span.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 })) return Encoding.UTF32.GetString(span[4..]);
        if (span.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF })) return new UTF32Encoding(true, false).GetString(span[4..]);
        if (span.StartsWith(new byte[] { 0xFF, 0xFE })) return Encoding.Unicode.GetString(span[2..]);
        if (span.StartsWith(new byte[] { 0xFE, 0xFF })) return Encoding.BigEndianUnicode.GetString(span[2..]);
        if (span.StartsWith(new byte[] { 0, 0, 0, (byte)'<' })) return new UTF32Encoding(true, false).GetString(span);
        if (span.StartsWith(new byte[] { (byte)'<', 0, 0, 0 })) return Encoding.UTF32.GetString(span);
        if (span.StartsWith(new byte[] { 0, (byte)'<' })) return Encoding.BigEndianUnicode.GetString(span);
        if (span.StartsWith(new byte[] { (byte)'<', 0 })) return Encoding.Unicode.GetString(span);

        var strictUtf8 = new UTF8Encoding(false, true);
        try
        {
            return strictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return DeclaredEncoding(span).GetString(span);
        }
    }

    public static string Clean(string text)
    {
        var start = text.IndexOf('<');
        text = start > 0 ? text[start..] : text;
        // The declaration and the DOCTYPE count only in the prolog, before the first element: the same text inside
        // a CDATA section or a comment further on is content.
        if (XmlDeclaration().Match(text) is { Success: true } declaration && declaration.Index < FirstElement(text))
        {
            text = text.Remove(declaration.Index, declaration.Length);
        }

        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Doctype().Match(text) is { Success: true } doctype && doctype.Index < FirstElement(text))
        {
            foreach (Match entity in EntityDeclaration().Matches(doctype.Value))
            {
                declared[entity.Groups["name"].Value] = entity.Groups["value"].Value;
            }

            text = text.Remove(doctype.Index, doctype.Length);
        }

        var builder = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (Match raw in RawSection().Matches(text))
        {
            AppendEscaped(builder, text.AsSpan(position, raw.Index - position), declared);
            builder.Append(raw.Value);
            position = raw.Index + raw.Length;
        }

        AppendEscaped(builder, text.AsSpan(position), declared);
        return builder.ToString();
    }

    /// <summary>Where the first element starts (a '&lt;' followed by a name), or the length when there is none.</summary>
    private static int FirstElement(string text) => FirstElementStart().Match(text) is { Success: true } m ? m.Index : text.Length;

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> part, Dictionary<string, string> declared)
    {
        var text = part.ToString();
        text = InvalidXmlChars().Replace(text, "");
        builder.Append(Ampersand().Replace(text, m => Entity(m, declared)));
    }

    private static string Entity(Match match, Dictionary<string, string> declared)
    {
        var name = match.Groups["name"].Value;
        if (name.Length == 0)
        {
            return "&amp;";
        }

        if (name[0] == '#')
        {
            return CharacterReference(name) is { } code ? "&#" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";" : "";
        }

        if (!name.EndsWith(';'))
        {
            return "&amp;" + name;
        }

        name = name[..^1];

        if (XmlEntities.Contains(name))
        {
            return match.Value;
        }

        if (declared.TryGetValue(name, out var value))
        {
            return WebUtility.HtmlEncode(value);
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        if (decoded == match.Value)
        {
            return "&amp;" + name + ";";
        }

        var references = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes())
        {
            references.Append("&#").Append(rune.Value).Append(';');
        }

        return references.ToString();
    }

    /// <summary>
    /// The code point of a character reference (decimal, or hex with x or X), or null when XML cannot hold it.
    /// References to 128-159 mean windows-1252 characters, as in most feeds that use them.
    /// </summary>
    private static int? CharacterReference(string name)
    {
        var hex = name.Length > 1 && (name[1] == 'x' || name[1] == 'X');
        var digits = name[(hex ? 2 : 1)..].TrimEnd(';');
        if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, null, out var code))
        {
            return null;
        }

        if (code is >= 0x80 and <= 0x9F)
        {
            var mapped = Encoding.GetEncoding(1252).GetString([(byte)code]);
            return mapped.Length == 1 && mapped[0] != '?' ? mapped[0] : code;
        }

        return code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF) ? code : null;
    }

    private static Encoding DeclaredEncoding(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, 512)]);
        var match = EncodingAttribute().Match(head);
        if (match.Success)
        {
            try
            {
                return Encoding.GetEncoding(match.Groups[1].Value.Trim());
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                // An unknown name, or one .NET refuses (UTF-7): fall through to the usual default of feeds that are not UTF-8.
            }
        }

        return Encoding.GetEncoding(1252);
    }

    [GeneratedRegex(@"<\?xml\s[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<[A-Za-z_]")]
    private static partial Regex FirstElementStart();

    [GeneratedRegex(@"<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();

    [GeneratedRegex(@"<!ENTITY\s+(?<name>[A-Za-z_][\w.\-]*)\s+(?:""(?<value>[^""]*)""|'(?<value>[^']*)')\s*>")]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex(@"<!\[CDATA\[[\s\S]*?(\]\]>|$)|<!--[\s\S]*?(-->|$)")]
    private static partial Regex RawSection();

    [GeneratedRegex(@"&(?<name>#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)?")]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")]
    private static partial Regex InvalidXmlChars();

    [GeneratedRegex(@"encoding\s*=\s*[""']([^""']+)[""']")]
    private static partial Regex EncodingAttribute();
}
