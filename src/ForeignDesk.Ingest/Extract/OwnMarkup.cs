using System.Buffers;
using System.Text;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// The exact markup the extractor writes for a block, and a strict check of it. A block that passes the check is
/// already what the full sanitizer would return for it (same tags, same escaping), apart from the <c>rel</c> and
/// <c>target</c> of links, which the check adds; anything else (another tag, an attribute, a stray entity, a close
/// that does not match) fails the check, and the block goes through the full sanitizer instead.
/// </summary>
internal static class OwnMarkup
{
    private const int MaxDepth = 32;
    private const string LinkAttributes = " rel=\"nofollow noopener\" target=\"_blank\"";
    private static readonly string[] Paired = ["em", "i", "strong", "b", "li", "a"];

    /// <summary>Markup, entities, the no-break space (a serializer writes it as an entity) and control characters.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "<>&\u00A0" + string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)));

    /// <summary>Appends text escaped as an HTML serializer escapes text: &amp;, &lt;, &gt; and the no-break space.</summary>
    public static void AppendText(StringBuilder html, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\u00A0' => "&nbsp;",
                _ => null,
            };
            if (entity is null) continue;
            html.Append(text, start, i - start).Append(entity);
            start = i + 1;
        }
        html.Append(text, start, text.Length - start);
    }

    public static string EncodeText(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\u00A0") < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        AppendText(html, text);
        return html.ToString();
    }

    /// <summary>An attribute value escaped as an HTML serializer escapes it: &amp;, &quot; and the no-break space.</summary>
    public static string EncodeAttribute(string value) =>
        value.AsSpan().IndexOfAny("&\"\u00A0") < 0
            ? value
            : value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
                .Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    /// <summary>
    /// The sanitized form of <paramref name="html"/> when it holds only escaped text and balanced <c>em i strong b br</c>,
    /// top-level <c>li</c> and <c>a href</c> tags with an absolute http(s) URL, written exactly as
    /// <see cref="InlineHtml"/> writes them; null otherwise.
    /// </summary>
    public static string? Check(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        StringBuilder? output = null;
        var copied = 0;
        Span<int> open = stackalloc int[MaxDepth];
        var depth = 0;
        var insideLink = false;
        var i = 0;
        while (i < html.Length)
        {
            var next = html.AsSpan(i).IndexOfAny(Special);
            if (next < 0) break;
            i += next;
            var rest = html.AsSpan(i);
            switch (html[i])
            {
                case '&':
                    if (!(rest.StartsWith("&amp;") || rest.StartsWith("&lt;") || rest.StartsWith("&gt;") || rest.StartsWith("&nbsp;"))) return null;
                    i++;
                    continue;
                case '<':
                    break;
                default:
                    return null; // a bare '>', a no-break space or a control character: not as a serializer writes text
            }
            if (rest.StartsWith("<br>"))
            {
                i += 4;
                continue;
            }
            if (rest.StartsWith("</"))
            {
                if (depth == 0) return null;
                var name = Paired[open[depth - 1]];
                if (rest.Length < name.Length + 3 || !rest[2..].StartsWith(name) || rest[name.Length + 2] != '>') return null;
                if (name == "a") insideLink = false;
                depth--;
                i += name.Length + 3;
                continue;
            }
            if (depth == MaxDepth) return null;
            if (rest.StartsWith("<a href=\""))
            {
                var end = rest[9..].IndexOf('"');
                if (insideLink || end < 0 || rest.Length < end + 11 || rest[9 + end + 1] != '>' || !IsWebUrl(rest.Slice(9, end))) return null;
                output ??= new StringBuilder(html.Length + 64);
                output.Append(html, copied, i + 9 + end + 1 - copied).Append(LinkAttributes);
                copied = i + 9 + end + 1;
                open[depth++] = Array.IndexOf(Paired, "a");
                insideLink = true;
                i += 9 + end + 2;
                continue;
            }
            var kind = OpenTag(rest);
            if (kind < 0 || (Paired[kind] == "li" && depth > 0)) return null;
            open[depth++] = kind;
            i += Paired[kind].Length + 2;
        }
        if (depth != 0) return null;
        if (output is null) return html;
        return output.Append(html, copied, html.Length - copied).ToString();
    }

    private static int OpenTag(ReadOnlySpan<char> rest)
    {
        for (var k = 0; k < Paired.Length; k++)
        {
            var name = Paired[k];
            if (name != "a" && rest.Length >= name.Length + 2 && rest[1..].StartsWith(name) && rest[name.Length + 1] == '>') return k;
        }
        return -1;
    }

    /// <summary>An escaped attribute value holding an absolute http or https URL, with nothing a browser would read twice.</summary>
    private static bool IsWebUrl(ReadOnlySpan<char> escaped)
    {
        foreach (var c in escaped)
        {
            if (c is '<' or '>' || char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        }
        var value = escaped.ToString();
        if (value.Contains('&', StringComparison.Ordinal))
        {
            value = value.Replace("&amp;", "\u0001", StringComparison.Ordinal);
            if (value.Contains('&', StringComparison.Ordinal)) return false;
            value = value.Replace('\u0001', '&');
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && value.StartsWith(url.Scheme + "://", StringComparison.Ordinal);
    }
}
