using System.Text;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Flattens absurdly deep markup before parsing: the HTML tree builder slows down sharply with depth, so open tags past
/// <see cref="MaxDepth"/> (and their matching end tags) are dropped. Text is never dropped. Linear in the input.
/// </summary>
internal static class NestingLimiter
{
    public const int MaxDepth = 400;

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        var depth = 0;
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var skipped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = skipped.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[16];
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            var closing = html[lt + 1] == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0) break;
            // Tag names are compared lower-cased in a small buffer: no string per tag (longer names match nothing below).
            var raw = html.AsSpan(nameStart, nameEnd - nameStart);
            var name = raw.Length <= buffer.Length ? buffer[..raw.ToLowerInvariant(buffer)] : [];
            i = gt + 1;
            if (!closing && name is "script" or "style" or "textarea" or "title" or "xmp")
            {
                var end = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }
            if (IsVoidOrImplied(name) || (!closing && html[gt - 1] == '/')) continue;
            var drop = false;
            if (closing)
            {
                if (skipped.Count > 0 && lookup.TryGetValue(raw, out var count) && count > 0)
                {
                    lookup[raw] = count - 1;
                    drop = true;
                }
                else if (depth > 0) depth--;
            }
            else if (depth >= maxDepth)
            {
                lookup[raw] = lookup.TryGetValue(raw, out var count) ? count + 1 : 1;
                drop = true;
            }
            else depth++;
            if (!drop) continue;
            output ??= new StringBuilder(html.Length);
            output.Append(html, copiedUpTo, lt - copiedUpTo);
            copiedUpTo = gt + 1;
        }
        if (output is null) return html;
        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    private static bool IsVoidOrImplied(ReadOnlySpan<char> name) => name is "area" or "base" or "br" or "col" or "embed" or "hr" or "img"
        or "input" or "link" or "meta" or "source" or "track" or "wbr" or "param" or "p" or "li" or "dt" or "dd" or "option"
        or "td" or "th" or "tr" or "html" or "head" or "body" or "tbody" or "thead";
}
