using System.Text;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Iterative walks over a DOM: hostile pages nest deeper than the call stack allows.</summary>
internal static class DomWalk
{
    /// <summary>Every element under <paramref name="root"/> in document order (the root excluded).</summary>
    public static List<IElement> Elements(INode root)
    {
        var result = new List<IElement>();
        var stack = new Stack<INode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement element) continue;
            result.Add(element);
            PushChildren(stack, element);
        }
        return result;
    }

    /// <summary>The whitespace-collapsed text under <paramref name="root"/>, skipping excluded subtrees.</summary>
    public static string Text(INode root, IReadOnlySet<INode>? excluded = null)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (excluded is not null && excluded.Contains(node)) continue;
            if (node is IText text) builder.Append(text.Data);
            else if (node is IElement element)
            {
                if (element.LocalName is "script" or "style" or "noscript" or "template") continue;
                if (IsBlockBreak(element.LocalName)) builder.Append(' ');
                PushChildren(stack, element);
            }
        }
        return Collapse(builder.ToString());
    }

    public static void PushChildren(Stack<INode> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
    }

    public static bool IsBlockBreak(string tag) => tag is "p" or "div" or "br" or "li" or "td" or "th" or "tr"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "section" or "article" or "ul" or "ol"
        or "figcaption" or "dd" or "dt" or "pre" or "header" or "footer";

    /// <summary>Collapses runs of whitespace (including no-break spaces) to one space and trims.</summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The class and id of an element, lower case, for pattern tests.</summary>
    public static string ClassAndId(IElement element) =>
        ((element.GetAttribute("class") ?? string.Empty) + " " + (element.Id ?? string.Empty)).ToLowerInvariant();
}
