using AngleSharp.Dom;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Turns body containers into paragraphs: p, h2-h4, blockquote, ul and ol, in document order (HTML not yet sanitized).</summary>
internal static class BlockWriter
{
    private const int MaxBlocks = 5000;

    public static List<Paragraph> Write(IReadOnlyList<IElement> containers, PageDom dom, Uri baseUrl)
    {
        var output = new List<Paragraph>();
        foreach (var container in containers)
        {
            if (IsBlockKind(container.LocalName)) Emit(container, dom, baseUrl, output);
            else Walk(container, dom, baseUrl, output);
        }
        return output;
    }

    private static bool IsBlockKind(string tag) =>
        tag is "p" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "ul" or "ol" or "pre" or "dl";

    /// <summary>Depth-first over non-block containers; loose inline content becomes a paragraph of its own.</summary>
    private static void Walk(IElement root, PageDom dom, Uri baseUrl, List<Paragraph> output)
    {
        var frames = new Stack<Frame>();
        frames.Push(new Frame(root));
        while (frames.Count > 0 && output.Count < MaxBlocks)
        {
            var frame = frames.Peek();
            if (frame.Index >= frame.Node.ChildNodes.Length)
            {
                Flush(frame.Run, dom, baseUrl, output);
                frames.Pop();
                continue;
            }
            var child = frame.Node.ChildNodes[frame.Index++];
            if (dom.IsExcluded(child)) continue;
            if (child is IText)
            {
                frame.Run.Add(child);
                continue;
            }
            if (child is not IElement element) continue;
            var tag = element.LocalName;
            if (BoilerplateRules.IsInvisibleTag(tag)) continue;
            if (tag == "br")
            {
                if (frame.Run.Count > 0 && LastIsBreak(frame.Run)) Flush(frame.Run, dom, baseUrl, output);
                else frame.Run.Add(child);
                continue;
            }
            // A link around headings or paragraphs is a teaser card; a script handle ("javascript:") around them goes nowhere.
            if (tag == "a" && dom.Stats(element).HasBlock && !IsScriptHandle(element)) continue;
            if (tag == "tr" && IsPlainRow(element, dom))
            {
                Flush(frame.Run, dom, baseUrl, output);
                EmitRow(element, dom, baseUrl, output);
            }
            else if (IsBlockKind(tag))
            {
                Flush(frame.Run, dom, baseUrl, output);
                Emit(element, dom, baseUrl, output);
            }
            else if (!BoilerplateRules.IsBlockTag(tag) && !dom.Stats(element).HasBlock) frame.Run.Add(child);
            else
            {
                Flush(frame.Run, dom, baseUrl, output);
                frames.Push(new Frame(element));
            }
        }
    }

    private static bool IsScriptHandle(IElement link) =>
        link.GetAttribute("href")?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true;

    private static bool LastIsBreak(List<INode> run)
    {
        for (var i = run.Count - 1; i >= 0; i--)
        {
            if (run[i] is IText text && string.IsNullOrWhiteSpace(text.Data)) continue;
            return run[i] is IElement { LocalName: "br" };
        }
        return false;
    }

    private static void Flush(List<INode> run, PageDom dom, Uri baseUrl, List<Paragraph> output)
    {
        if (run.Count == 0) return;
        Add("p", InlineHtml.Serialize(run, dom, baseUrl), baseUrl, output);
        run.Clear();
    }

    private static void Emit(IElement element, PageDom dom, Uri baseUrl, List<Paragraph> output)
    {
        var tag = element.LocalName;
        if (tag is "ul" or "ol")
        {
            EmitList(element, dom, baseUrl, output);
            return;
        }
        var kind = tag switch
        {
            "h5" or "h6" => "h4",
            "pre" or "dl" => "p",
            _ => tag,
        };
        Add(kind, InlineHtml.Serialize([element], dom, baseUrl), baseUrl, output);
    }

    /// <summary>A table row whose cells hold only inline content: written as one line, cells separated by " | ".</summary>
    private static bool IsPlainRow(IElement row, PageDom dom)
    {
        foreach (var cell in row.Children)
        {
            if (cell.LocalName is not ("td" or "th")) return false;
            if (dom.Stats(cell).HasBlock) return false;
        }
        return row.Children.Length > 1;
    }

    private static void EmitRow(IElement row, PageDom dom, Uri baseUrl, List<Paragraph> output)
    {
        var cells = new List<InlineContent>();
        foreach (var cell in row.Children)
        {
            if (dom.IsExcluded(cell)) continue;
            var content = InlineHtml.Serialize(cell.ChildNodes.ToArray(), dom, baseUrl);
            if (content.Text.Length > 0) cells.Add(content);
        }
        if (cells.Count == 0) return;
        var joined = new InlineContent(
            string.Join(" | ", cells.Select(c => c.Html)), string.Join(" | ", cells.Select(c => c.Text)), cells.Sum(c => c.LinkLength));
        Add("p", joined, baseUrl, output);
    }

    private static void EmitList(IElement list, PageDom dom, Uri baseUrl, List<Paragraph> output)
    {
        var items = new List<InlineContent>();
        foreach (var item in list.Children)
        {
            if (item.LocalName != "li" || dom.IsExcluded(item)) continue;
            var content = InlineHtml.Serialize(item.ChildNodes.ToArray(), dom, baseUrl);
            if (content.Text.Length > 0) items.Add(content);
        }
        if (items.Count == 0) return;
        var text = string.Join(" ", items.Select(i => i.Text));
        var links = items.Sum(i => i.LinkLength);
        if (links > text.Length / 2) return;
        var html = string.Concat(items.Select(i => "<li>" + i.Html + "</li>"));
        output.Add(new Paragraph(list.LocalName, html, text));
    }

    private static void Add(string kind, InlineContent content, Uri baseUrl, List<Paragraph> output)
    {
        var text = content.Text;
        if (text.Length == 0 || !text.Any(char.IsLetterOrDigit)) return;
        if (BoilerplateRules.IsBoilerplateText(text)) return;
        if (content.LinkLength > text.Length / 2 && text.Length < 300) return;
        output.Add(new Paragraph(kind, content.Html, text));
    }

    private sealed class Frame(IElement node)
    {
        public IElement Node { get; } = node;
        public int Index { get; set; }
        public List<INode> Run { get; } = [];
    }
}
