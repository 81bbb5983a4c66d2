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

/// <summary>
/// A parsed page: its elements in document order, the parts left out of the body, text measures, and what each
/// element's class and id say. Per-element facts live in arrays indexed by document position.
/// </summary>
internal sealed class PageDom
{
    private readonly Dictionary<IElement, int> positions;
    private readonly int[] parents;
    private readonly NameKinds[] names;
    private ElementStats[] stats;
    private bool[] excludedDeep;

    public PageDom(IHtmlDocument document)
    {
        Document = document;
        (Elements, parents) = Walk(document);
        positions = new Dictionary<IElement, int>(Elements.Count, ReferenceEqualityComparer.Instance);
        names = new NameKinds[Elements.Count];
        for (var i = 0; i < Elements.Count; i++)
        {
            positions[Elements[i]] = i;
            names[i] = ElementNames.Of(Elements[i]);
        }
        stats = new ElementStats[Elements.Count];
        excludedDeep = new bool[Elements.Count];
        Measure();
    }

    public IHtmlDocument Document { get; }

    /// <summary>Every element, in document order.</summary>
    public List<IElement> Elements { get; }

    /// <summary>Subtrees that never belong to the body (chrome, boilerplate, the title, the lead).</summary>
    public HashSet<INode> Excluded { get; } = new(ReferenceEqualityComparer.Instance);

    public int TotalText => Document.Body is { } body ? Stats(body).TextLength : 0;

    public int TotalProse => Document.Body is { } body ? Stats(body).ProseLength : 0;

    public ElementStats Stats(IElement element) => positions.TryGetValue(element, out var i) ? stats[i] : default;

    public ElementStats Stats(int position) => stats[position];

    /// <summary>What the class and id of the element at <paramref name="position"/> say.</summary>
    public NameKinds Names(int position) => names[position];

    /// <summary>What the class and id of <paramref name="element"/> say.</summary>
    public NameKinds Names(IElement element) => positions.TryGetValue(element, out var i) ? names[i] : ElementNames.Of(element);

    /// <summary>True when the node or one of its ancestors is excluded (as of the last <see cref="Measure"/>).</summary>
    public bool IsExcluded(INode node)
    {
        var element = node as IElement ?? node.Parent as IElement;
        return element is not null && positions.TryGetValue(element, out var i) && excludedDeep[i];
    }

    /// <summary>True when the element at <paramref name="position"/> or one of its ancestors is excluded.</summary>
    public bool IsExcluded(int position) => excludedDeep[position];

    /// <summary>
    /// Recounts every element's measures. Children come after their parent in document order, so a walk backwards
    /// finishes every child before its parent and adds it into the parent's sums.
    /// </summary>
    public void Measure()
    {
        var count = Elements.Count;
        for (var i = 0; i < count; i++)
        {
            excludedDeep[i] = (Excluded.Count > 0 && Excluded.Contains(Elements[i])) || (parents[i] >= 0 && excludedDeep[parents[i]]);
        }
        var sums = new ElementStats[count];
        for (var i = count - 1; i >= 0; i--)
        {
            var element = Elements[i];
            var tag = element.LocalName;
            var s = new ElementStats();
            if (!excludedDeep[i] && !BoilerplateRules.IsInvisibleTag(tag))
            {
                s = sums[i];
                foreach (var child in element.ChildNodes)
                {
                    if (child is IText text) AddText(ref s, text.Data);
                }
                if (tag == "a") s.LinkLength = s.TextLength;
                if (tag == "p")
                {
                    s.Paragraphs++;
                    s.ProseLength = s.TextLength - s.LinkLength;
                }
            }
            stats[i] = s;
            var parent = parents[i];
            if (parent < 0) continue;
            ref var p = ref sums[parent];
            p.TextLength += s.TextLength;
            p.LinkLength += s.LinkLength;
            p.Commas += s.Commas;
            p.Paragraphs += s.Paragraphs;
            p.ProseLength += s.ProseLength;
            p.HasBlock |= s.HasBlock || BoilerplateRules.IsBlockTag(tag);
        }
    }

    /// <summary>Every element under the document in document order, with the position of its parent element (or -1).</summary>
    private static (List<IElement> Elements, int[] Parents) Walk(IHtmlDocument document)
    {
        var elements = new List<IElement>();
        var parentList = new List<int>();
        var stack = new Stack<(INode Node, int Parent)>();
        Push(stack, document, -1);
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            var element = (IElement)node;
            elements.Add(element);
            parentList.Add(parent);
            Push(stack, element, elements.Count - 1);
        }
        return (elements, parentList.ToArray());
    }

    private static void Push(Stack<(INode, int)> stack, INode node, int parent)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child) stack.Push((child, parent));
        }
    }

    /// <summary>Adds the visible length (whitespace runs count once) and the commas of a text node.</summary>
    private static void AddText(ref ElementStats s, string text)
    {
        var length = 0;
        var commas = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) length++;
                space = true;
                continue;
            }
            length++;
            space = false;
            if (c is ',' or '،' or '、' or '，' or '。') commas++;
        }
        s.TextLength += length;
        s.Commas += commas;
    }
}
