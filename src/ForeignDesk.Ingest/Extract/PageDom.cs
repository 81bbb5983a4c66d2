using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Text measures of one element, counted over its subtree minus excluded parts.</summary>
internal struct ElementStats
{
    public int TextLength;
    public int LinkLength;
    public int Commas;
    public int Paragraphs;

    /// <summary>Text inside <c>p</c> elements that is not link text: the measure of running prose.</summary>
    public int ProseLength;
    public bool HasBlock;

    public readonly double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;
}

/// <summary>A parsed page: its elements in document order, the parts left out of the body, and text measures.</summary>
internal sealed class PageDom
{
    private readonly Dictionary<IElement, ElementStats> stats = new(ReferenceEqualityComparer.Instance);

    public PageDom(IHtmlDocument document)
    {
        Document = document;
        Elements = DomWalk.Elements(document);
        Measure();
    }

    public IHtmlDocument Document { get; }

    /// <summary>Every element, in document order.</summary>
    public List<IElement> Elements { get; }

    /// <summary>Subtrees that never belong to the body (chrome, boilerplate, the title, the lead).</summary>
    public HashSet<INode> Excluded { get; } = new(ReferenceEqualityComparer.Instance);

    public int TotalText => Document.Body is { } body ? Stats(body).TextLength : 0;

    public int TotalProse => Document.Body is { } body ? Stats(body).ProseLength : 0;

    public ElementStats Stats(IElement element) => stats.GetValueOrDefault(element);

    private readonly HashSet<INode> excludedDeep = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when the node or one of its ancestors is excluded (as of the last <see cref="Measure"/>).</summary>
    public bool IsExcluded(INode node) =>
        node is IElement element ? excludedDeep.Contains(element) : node.Parent is { } parent && excludedDeep.Contains(parent);

    /// <summary>Recounts every element's measures; children come after parents in document order, so walk backwards.</summary>
    public void Measure()
    {
        stats.Clear();
        excludedDeep.Clear();
        foreach (var element in Elements)
        {
            if (Excluded.Contains(element) || (element.ParentElement is { } parent && excludedDeep.Contains(parent)))
                excludedDeep.Add(element);
        }
        for (var i = Elements.Count - 1; i >= 0; i--)
        {
            var element = Elements[i];
            var s = new ElementStats();
            if (!excludedDeep.Contains(element) && !BoilerplateRules.IsInvisibleTag(element.LocalName))
            {
                foreach (var child in element.ChildNodes)
                {
                    if (child is IText text)
                    {
                        s.TextLength += VisibleLength(text.Data);
                        s.Commas += Commas(text.Data);
                    }
                    else if (child is IElement childElement && stats.TryGetValue(childElement, out var c))
                    {
                        s.TextLength += c.TextLength;
                        s.LinkLength += c.LinkLength;
                        s.Commas += c.Commas;
                        s.Paragraphs += c.Paragraphs;
                        s.ProseLength += c.ProseLength;
                        s.HasBlock |= c.HasBlock || BoilerplateRules.IsBlockTag(childElement.LocalName);
                    }
                }
                if (element.LocalName == "a") s.LinkLength = s.TextLength;
                if (element.LocalName == "p")
                {
                    s.Paragraphs++;
                    s.ProseLength = s.TextLength - s.LinkLength;
                }
            }
            stats[element] = s;
        }
    }

    private static int VisibleLength(string text)
    {
        var length = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) length++;
                space = true;
            }
            else
            {
                length++;
                space = false;
            }
        }
        return length;
    }

    private static int Commas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '،' or '、' or '，' or '。') count++;
        }
        return count;
    }
}
