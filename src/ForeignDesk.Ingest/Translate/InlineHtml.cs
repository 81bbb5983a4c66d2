using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// A paragraph's sanitized inner HTML, split into text and tags so that the tags can travel through Apertium as
/// markers (<c>[fd:o3]</c>, <c>[fd:c3]</c>, <c>[fd:v3]</c> for void tags) and be put back afterwards. Rebuilding
/// always yields balanced HTML: stray closes are dropped, unclosed tags are closed, an element left empty gets the
/// word before it, and the original start tags (with their href) are reused.
/// </summary>
internal sealed partial class InlineHtml
{
    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "br", "img", "hr", "wbr" };
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase) { "li", "p", "blockquote", "h2", "h3", "h4", "ul", "ol", "figcaption" };

    private readonly List<(string Name, string StartTag)> elements = [];
    private readonly List<(string? Text, int Element, bool Close)> parts = [];

    public static InlineHtml Parse(string html)
    {
        var result = new InlineHtml();
        var open = new Stack<int>();
        var last = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            if (tag.Index > last) result.parts.Add((WebUtility.HtmlDecode(html[last..tag.Index]), -1, false));
            last = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (tag.Groups["close"].Success)
            {
                var match = open.FirstOrDefault(id => result.elements[id].Name == name, -1);
                if (match < 0) continue;
                while (open.Count > 0)
                {
                    var id = open.Pop();
                    result.parts.Add((null, id, true));
                    if (id == match) break;
                }
                continue;
            }
            result.elements.Add((name, tag.Value));
            var element = result.elements.Count - 1;
            result.parts.Add((null, element, false));
            if (!VoidTags.Contains(name) && !tag.Value.EndsWith("/>", StringComparison.Ordinal)) open.Push(element);
        }
        if (last < html.Length) result.parts.Add((WebUtility.HtmlDecode(html[last..]), -1, false));
        while (open.Count > 0) result.parts.Add((null, open.Pop(), true));
        return result;
    }

    public void WriteTo(ApertiumStreamWriter writer)
    {
        var frozen = 0;
        foreach (var (text, element, close) in parts)
        {
            if (text is not null)
            {
                if (frozen > 0) writer.Frozen(text);
                else writer.Text(text, collapseWhitespace: true);
                continue;
            }
            var (name, startTag) = elements[element];
            if (close && BlockTags.Contains(name)) writer.SentenceEnd();
            if (NoTranslate().IsMatch(startTag) && !IsVoid(startTag, name)) frozen += close ? -1 : 1;
            writer.Marker(close ? $"fd:c{element}" : IsVoid(startTag, name) ? $"fd:v{element}" : $"fd:o{element}");
        }
    }

    /// <summary>Balanced HTML from a translated segment.</summary>
    public string Rebuild(IReadOnlyList<ReplyToken> tokens)
    {
        var items = RepairEmpty(tokens);
        var html = new StringBuilder();
        var stack = new List<int>();
        var opened = new HashSet<int>();
        foreach (var token in items)
        {
            if (token.Kind == ReplyTokenKind.Text)
            {
                html.Append(Encode(token.Value));
                continue;
            }
            if (!TryMarker(token.Value, out var kind, out var id) || !Known(id)) continue;
            if (kind == 'v')
            {
                if (opened.Add(id)) html.Append(elements[id].StartTag);
            }
            else if (kind == 'o')
            {
                if (!opened.Add(id)) continue;
                html.Append(elements[id].StartTag);
                stack.Add(id);
            }
            else if (stack.Contains(id))
            {
                var at = stack.IndexOf(id);
                var above = stack.GetRange(at + 1, stack.Count - at - 1);
                for (var k = stack.Count - 1; k >= at; k--) html.Append("</").Append(elements[stack[k]].Name).Append('>');
                stack.RemoveRange(at, stack.Count - at);
                foreach (var again in above)
                {
                    html.Append(elements[again].StartTag);
                    stack.Add(again);
                }
            }
        }
        for (var k = stack.Count - 1; k >= 0; k--) html.Append("</").Append(elements[stack[k]].Name).Append('>');
        return html.ToString().Trim();
    }

    /// <summary>The plain text of an HTML fragment: tags removed, line breaks and list items on their own lines.</summary>
    public static string PlainText(string html)
    {
        var text = LineBreak().Replace(html, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Spaces().Replace(text, " ");
        return string.Join("\n", text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    private static bool IsVoid(string startTag, string name) =>
        VoidTags.Contains(name) || startTag.EndsWith("/>", StringComparison.Ordinal);

    /// <summary>When Apertium moved a word out of an element, wraps the element around the word before it.</summary>
    private static List<ReplyToken> RepairEmpty(IReadOnlyList<ReplyToken> tokens)
    {
        var items = tokens.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ReplyTokenKind.Marker || !TryMarker(items[i].Value, out var kind, out var id) || kind != 'o') continue;
            var j = i + 1;
            while (j < items.Count && items[j].Kind == ReplyTokenKind.Text && string.IsNullOrWhiteSpace(items[j].Value)) j++;
            var closesRightAway = j < items.Count && items[j].Kind == ReplyTokenKind.Marker && TryMarker(items[j].Value, out var k2, out var id2) && k2 == 'c' && id2 == id;
            if (!closesRightAway || i == 0 || items[i - 1].Kind != ReplyTokenKind.Text) continue;
            var before = items[i - 1].Value;
            var trimmed = before.TrimEnd();
            var start = trimmed.LastIndexOf(' ') + 1;
            if (trimmed.Length == 0 || start >= trimmed.Length) continue;
            var open = items[i];
            var close = items[j];
            items.RemoveAt(j);
            items.RemoveAt(i);
            items.RemoveAt(i - 1);
            items.InsertRange(i - 1,
            [
                new ReplyToken(ReplyTokenKind.Text, before[..start]),
                open,
                new ReplyToken(ReplyTokenKind.Text, trimmed[start..]),
                close,
                new ReplyToken(ReplyTokenKind.Text, before[trimmed.Length..]),
            ]);
        }
        return items;
    }

    private static bool TryMarker(string value, out char kind, out int id)
    {
        kind = value.Length > 0 ? value[0] : ' ';
        id = -1;
        return kind is 'o' or 'c' or 'v' && int.TryParse(value.AsSpan(1), out id) && id >= 0;
    }

    private bool Known(int id) => id < elements.Count;

    private static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<br\s*/?>|</li>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    /// <summary>An element whose text is not to be translated (HTML's <c>translate="no"</c>).</summary>
    [GeneratedRegex(@"\btranslate\s*=\s*[""']?no\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoTranslate();

    [GeneratedRegex(@"[ \t\r\f\u00a0]+")]
    private static partial Regex Spaces();
}
