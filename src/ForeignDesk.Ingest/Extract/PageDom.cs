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
    private readonly List<int> parents = [];

    /// <summary>Per element: what its tag is (block, invisible, a, p) and the length and commas of its own text nodes.</summary>
    private readonly List<(TagKind Kind, int Text, int Commas)> own = [];
    private readonly NameKinds[] names;
    private readonly ElementStats[] stats;
    private readonly ElementStats[] sums;
    private readonly bool[] excludedDeep;

    public PageDom(IHtmlDocument document)
    {
        Document = document;
        Elements = [];
        Walk(document);
        var count = Elements.Count;
        positions = new Dictionary<IElement, int>(count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < count; i++) positions[Elements[i]] = i;
        names = new NameKinds[count];
        stats = new ElementStats[count];
        sums = new ElementStats[count];
        excludedDeep = new bool[count];
        Measure();
    }

    [Flags]
    private enum TagKind : byte
    {
        None = 0,
        Block = 1,
        Invisible = 2,
        Link = 4,
        Paragraph = 8,
    }

    public IHtmlDocument Document { get; }

    /// <summary>Every element, in document order.</summary>
    public List<IElement> Elements { get; }

    /// <summary>Subtrees that never belong to the body (chrome, boilerplate, the title, the lead).</summary>
    public HashSet<INode> Excluded { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Blocks left out as reader-facing furniture (consent, paywall, newsletter, log-in, author and outlet boxes), with
    /// what they ask, in document order.
    /// </summary>
    public List<(IElement Element, InterfaceKind Kind)> Furniture { get; } = [];

    public int TotalText => Document.Body is { } body ? Stats(body).TextLength : 0;

    public int TotalProse => Document.Body is { } body ? Stats(body).ProseLength : 0;

    public ElementStats Stats(IElement element) => positions.TryGetValue(element, out var i) ? stats[i] : default;

    public ElementStats Stats(int position) => stats[position];

    /// <summary>What the class and id of the element at <paramref name="position"/> say (read once, when first asked).</summary>
    public NameKinds Names(int position)
    {
        var kinds = names[position];
        if ((kinds & NameKinds.Known) == 0) names[position] = kinds = ElementNames.Of(Elements[position]) | NameKinds.Known;
        return kinds;
    }

    /// <summary>What the class and id of <paramref name="element"/> say.</summary>
    public NameKinds Names(IElement element) => positions.TryGetValue(element, out var i) ? Names(i) : ElementNames.Of(element);

    /// <summary>True when the node or one of its ancestors is excluded (as of the last <see cref="Measure"/>).</summary>
    public bool IsExcluded(INode node)
    {
        var element = node as IElement ?? node.Parent as IElement;
        return element is not null && positions.TryGetValue(element, out var i) && excludedDeep[i];
    }

    /// <summary>True when the element at <paramref name="position"/> or one of its ancestors is excluded.</summary>
    public bool IsExcluded(int position) => excludedDeep[position];

    /// <summary>
    /// Recounts every element's measures from the per-element counts taken once by the walk. Children come after their
    /// parent in document order, so a walk backwards finishes every child before its parent and adds it into its sums.
    /// </summary>
    public void Measure()
    {
        var count = Elements.Count;
        for (var i = 0; i < count; i++)
        {
            excludedDeep[i] = (Excluded.Count > 0 && Excluded.Contains(Elements[i])) || (parents[i] >= 0 && excludedDeep[parents[i]]);
        }
        Array.Clear(sums);
        for (var i = count - 1; i >= 0; i--)
        {
            var (kind, text, commas) = own[i];
            var s = new ElementStats();
            if (!excludedDeep[i] && (kind & TagKind.Invisible) == 0)
            {
                s = sums[i];
                s.TextLength += text;
                s.Commas += commas;
                if ((kind & TagKind.Link) != 0) s.LinkLength = s.TextLength;
                if ((kind & TagKind.Paragraph) != 0)
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
            p.HasBlock |= s.HasBlock || (kind & TagKind.Block) != 0;
        }
    }

    /// <summary>
    /// Lists every element under the document in document order with the position of its parent element (or -1), its
    /// kind of tag, and the visible length and commas of its own text nodes: the only pass over the page's nodes.
    /// </summary>
    private void Walk(IHtmlDocument document)
    {
        var stack = new Stack<(IElement Element, int Parent)>();
        Push(stack, document, -1);
        while (stack.Count > 0)
        {
            var (element, parent) = stack.Pop();
            Elements.Add(element);
            parents.Add(parent);
            var (text, commas) = Push(stack, element, Elements.Count - 1);
            var tag = element.LocalName;
            var kind = BoilerplateRules.IsBlockTag(tag) ? TagKind.Block : TagKind.None;
            if (BoilerplateRules.IsInvisibleTag(tag)) kind |= TagKind.Invisible;
            if (tag == "a") kind |= TagKind.Link;
            if (tag == "p") kind |= TagKind.Paragraph;
            own.Add((kind, text, commas));
        }
    }

    /// <summary>Pushes the element children of <paramref name="node"/> (last first) and measures its text children.</summary>
    private static (int Text, int Commas) Push(Stack<(IElement, int)> stack, INode node, int parent)
    {
        var children = node.ChildNodes;
        var s = new ElementStats();
        for (var i = children.Length - 1; i >= 0; i--)
        {
            var child = children[i];
            if (child is IElement element) stack.Push((element, parent));
            else if (child is IText text) AddText(ref s, text.Data);
        }
        return (s.TextLength, s.Commas);
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
