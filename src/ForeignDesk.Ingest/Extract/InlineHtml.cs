using System.Text;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>One block's inline content: allow-listed inline HTML (not yet sanitized), its text, and how much is link text.</summary>
internal sealed record InlineContent(string Html, string Text, int LinkLength);

/// <summary>Serializes nodes to inline HTML (a, em, strong, b, i, br) and plain text, without recursion.</summary>
internal static class InlineHtml
{
    private const int MaxOpenTags = 16;

    public static InlineContent Serialize(IReadOnlyList<INode> nodes, PageDom dom, Uri baseUrl)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        var linkLength = 0;
        var linkStart = -1;
        var open = 0;
        var stack = new Stack<object>();
        for (var i = nodes.Count - 1; i >= 0; i--) stack.Push(nodes[i]);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            if (item is Close close)
            {
                if (close.Tag == "a")
                {
                    if (close.Emitted) TrimLinkMarker(html, text, linkStart);
                    linkLength += DomWalk.Collapse(text.ToString(linkStart, text.Length - linkStart)).Length;
                    linkStart = -1;
                }
                if (close.Emitted)
                {
                    html.Append("</").Append(close.Tag).Append('>');
                    open--;
                }
                continue;
            }
            if (item is IText node)
            {
                OwnMarkup.AppendText(html, node.Data);
                text.Append(node.Data);
                continue;
            }
            if (item is not IElement element || dom.IsExcluded(element) || BoilerplateRules.IsInvisibleTag(element.LocalName)) continue;
            var tag = element.LocalName;
            if (tag is "img" or "figure" or "picture" or "button" or "input" or "select") continue;
            if (tag == "br")
            {
                html.Append("<br>");
                text.Append('\n');
                continue;
            }
            if (DomWalk.IsBlockBreak(tag) && text.Length > 0)
            {
                html.Append("<br>");
                text.Append('\n');
            }
            var emitted = open < MaxOpenTags ? Emitted(element, baseUrl, linkStart >= 0) : null;
            if (emitted is not null)
            {
                html.Append(emitted.Value.OpenTag);
                open++;
                if (emitted.Value.Tag == "a") linkStart = text.Length;
                stack.Push(new Close(emitted.Value.Tag, Emitted: true));
            }
            else if (tag == "a" && linkStart < 0)
            {
                // A script or fragment link ("javascript:", "#") is still link text, though its tag is not kept.
                linkStart = text.Length;
                stack.Push(new Close("a", Emitted: false));
            }
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return new InlineContent(TrimBreaks(DomWalk.Collapse(html.ToString())), DomWalk.Collapse(text.ToString()), linkLength);
    }

    private static (string Tag, string OpenTag)? Emitted(IElement element, Uri baseUrl, bool insideLink)
    {
        switch (element.LocalName)
        {
            case "em" or "i" or "strong" or "b":
                return (element.LocalName, "<" + element.LocalName + ">");
            case "a" when !insideLink:
                var href = element.GetAttribute("href");
                if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var target)) return null;
                if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps) return null;
                return ("a", "<a href=\"" + OwnMarkup.EncodeAttribute(target.AbsoluteUri) + "\">");
            default:
                return null;
        }
    }

    /// <summary>Removes an affiliate/external marker such as a trailing "*" from a link's text.</summary>
    private static void TrimLinkMarker(StringBuilder html, StringBuilder text, int linkStart)
    {
        var end = text.Length;
        while (end > linkStart && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= linkStart || text[end - 1] != '*') return;
        text.Remove(end - 1, text.Length - end + 1);
        var htmlEnd = html.Length;
        while (htmlEnd > 0 && char.IsWhiteSpace(html[htmlEnd - 1])) htmlEnd--;
        if (htmlEnd > 0 && html[htmlEnd - 1] == '*') html.Remove(htmlEnd - 1, html.Length - htmlEnd + 1);
    }

    private static string TrimBreaks(string html)
    {
        var result = html.Trim();
        while (result.StartsWith("<br>", StringComparison.Ordinal)) result = result[4..].TrimStart();
        while (result.EndsWith("<br>", StringComparison.Ordinal)) result = result[..^4].TrimEnd();
        return result;
    }

    private sealed record Close(string Tag, bool Emitted);
}
