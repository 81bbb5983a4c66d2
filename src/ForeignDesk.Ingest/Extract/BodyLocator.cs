using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Finds the elements that hold the article body: explicit markers first, then text-density scoring.</summary>
internal static class BodyLocator
{
    private const int MinParagraphLength = 25;

    /// <summary>
    /// Marks chrome and boilerplate as excluded; returns the first lead (standfirst) element, if any. With
    /// <paramref name="byName"/> false, class and id names are not trusted (the second try on pages whose names hid the body).
    /// </summary>
    public static IElement? ExcludeChrome(PageDom dom, bool byName = true)
    {
        var total = Math.Max(1, dom.TotalText);
        var prose = Math.Max(1, dom.TotalProse);
        IElement? lead = null;
        var holdsBody = BodyAncestors(dom);
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            var element = dom.Elements[i];
            var tag = element.LocalName;
            if (tag is "html" or "body") continue;
            if (BoilerplateRules.IsChromeTag(tag) && tag != "form")
            {
                dom.Excluded.Add(element);
                continue;
            }
            var names = dom.Names(i);
            if (BoilerplateRules.IsBodyMarker(names)) continue;
            if (byName && BoilerplateRules.IsInlineInText(element) && !BoilerplateRules.IsHidden(element, names)) continue;
            var stats = dom.Stats(i);
            if (!holdsBody.Contains(element) && stats.ProseLength <= prose / 2 && Furniture(dom, element, stats) is var kind and not InterfaceKind.None)
            {
                dom.Excluded.Add(element);
                dom.Furniture.Add((element, kind));
                continue;
            }
            if (tag == "form" || (byName ? BoilerplateRules.IsBoilerplate(element, names) : BoilerplateRules.IsHidden(element, names)))
            {
                var holdsArticle = HoldsArticle(dom, element, names, stats, holdsBody, total, prose);
                if (!holdsArticle) dom.Excluded.Add(element);
                if (!holdsArticle && byName && BoilerplateRules.IsRelatedHeading(tag, names)) ExcludeAfter(dom, element, holdsBody, total);
                continue;
            }
            if (byName && BoilerplateRules.IsLead(names) && stats.TextLength is > 20 and < 800 && stats.Paragraphs <= 2
                && stats.LinkDensity < 0.5 && tag is "p" or "div" or "h2" or "h3" or "span" or "section")
            {
                lead ??= element;
                dom.Excluded.Add(element);
            }
        }
        dom.Measure();
        return lead;
    }

    /// <summary>
    /// What a block asks of the reader when it is furniture rather than news: a small block whose words (with its
    /// buttons' labels) are mostly those of a consent, paywall, newsletter or log-in prompt, a short box with a button
    /// that names cookies, one that holds an e-mail or password field, or a box that opens with "about the author" or
    /// "about us" words. <see cref="InterfaceKind.None"/> for anything else.
    /// </summary>
    private static InterfaceKind Furniture(PageDom dom, IElement element, ElementStats stats)
    {
        if (element.LocalName is not ("div" or "section" or "aside" or "p" or "ul" or "ol" or "dl" or "li" or "table" or "article")
            || stats.TextLength is < 4 or > MaxFurnitureLength || stats.Paragraphs > 6 || (element.LocalName == "p" && stats.TextLength > 400))
            return InterfaceKind.None;
        // A wrapper around one child with the same text was judged with its parent: the words are the same.
        if (element.ParentElement is { } up && dom.Stats(up).TextLength == stats.TextLength) return InterfaceKind.None;
        var text = DomWalk.Text(element, dom.Excluded);
        if (text.Length == 0) return InterfaceKind.None;
        var measure = InterfaceWords.Measure(text);
        if (measure.IsFurniture(text.Length, stats.Paragraphs)) return measure.Kind;
        if (element.LocalName is "div" or "section" or "aside" && element.QuerySelector(ControlSelector) is not null)
        {
            // The buttons say what the box wants ("Zustimmen und weiter", "Jetzt abonnieren"): read with their labels.
            var labelled = DomWalk.Text(element);
            var withControls = InterfaceWords.Measure(labelled);
            if (withControls.IsFurniture(labelled.Length, stats.Paragraphs)) return withControls.Kind;
            if (labelled.Length < MaxConsentLength && InterfaceWords.NamesCookies(labelled)) return InterfaceKind.Consent;
        }
        if (element.LocalName is "div" or "section" or "aside" && stats.TextLength < 600 && element.QuerySelector(FieldSelector) is { } field)
            return field.GetAttribute("type") is "password" ? InterfaceKind.Login : InterfaceKind.Newsletter;
        if (element.LocalName is "div" or "section" or "aside" && text.Length >= 60 && InterfaceWords.Mentions(text[..Math.Min(text.Length, 40)], InterfaceKind.About))
            return InterfaceKind.About;
        return InterfaceKind.None;
    }

    private const int MaxFurnitureLength = 1500;

    /// <summary>A short box with a button that names cookies is a consent dialog, whatever its other words.</summary>
    private const int MaxConsentLength = 1000;

    /// <summary>The controls dialogs and offers ask the reader to press.</summary>
    private const string ControlSelector = "button, input[type=submit], input[type=button], [role=button]";

    /// <summary>
    /// Whether a container named or marked as chrome is the article's frame all the same: it holds the marked body, or
    /// most of the page's text or prose (a frame named "sidebar" or "widget", the rest of a body behind "read more").
    /// Not so for a list of items under headings inside a marked body with text of its own (a gallery's captions), nor
    /// for a block the page hides while it shows prose of its own elsewhere.
    /// </summary>
    private static bool HoldsArticle(PageDom dom, IElement element, NameKinds names, ElementStats stats, HashSet<IElement> holdsBody, int total, int prose)
    {
        if (holdsBody.Contains(element)) return true;
        if (InsideMarkedBody(dom, element, stats) && IsItemList(element)) return false;
        if ((names & NameKinds.Hidden) != 0 && prose - stats.ProseLength >= MinVisibleProse) return false;
        return (stats.TextLength > total / 2 && stats.LinkDensity < 0.35) || (stats.ProseLength > prose / 2 && stats.ProseLength > 500);
    }

    private const int MinVisibleProse = 250;

    /// <summary>Whether an ancestor of the element is an explicit body marker holding enough text besides the element.</summary>
    private static bool InsideMarkedBody(PageDom dom, IElement element, ElementStats stats)
    {
        for (var up = element.ParentElement; up is not null; up = up.ParentElement)
        {
            if (BoilerplateRules.IsBodyMarker(dom.Names(up))) return dom.Stats(up).TextLength - stats.TextLength >= MinOwnBodyText;
        }
        return false;
    }

    private const int MinOwnBodyText = 500;

    /// <summary>Whether the element holds a list whose items each open with a heading (slides, cards).</summary>
    private static bool IsItemList(IElement element) =>
        element.QuerySelectorAll("li").Count(item => item.FirstElementChild?.LocalName is "h2" or "h3" or "h4" or "h5" or "h6") >= MinListItems;

    private const int MinListItems = 3;

    /// <summary>Form fields that only sign-up, newsletter and log-in boxes hold.</summary>
    private const string FieldSelector = "input[type=email], input[type=password], input[name*=email], input[name*=mail]";

    /// <summary>
    /// The siblings after a heading over related content are that content (teaser cards, link lists): they are left
    /// out too, unless one of them holds the body or most of the page's text.
    /// </summary>
    private static void ExcludeAfter(PageDom dom, IElement heading, HashSet<IElement> holdsBody, int total)
    {
        if (heading.ParentElement is not { } parent) return;
        var siblings = parent.Children;
        var after = false;
        foreach (var sibling in siblings)
        {
            if (sibling == heading)
            {
                after = true;
                continue;
            }
            if (!after) continue;
            if (holdsBody.Contains(sibling) || BoilerplateRules.IsBodyMarker(dom.Names(sibling)) || dom.Stats(sibling).TextLength > total / 2) return;
            dom.Excluded.Add(sibling);
        }
    }

    /// <summary>
    /// Ancestors of explicit body markers: a class like "widget" or "modal" on them must not hide the body. Only markers
    /// of a size near the largest count: a comment's text marked "entry-content" must not shield the comment section.
    /// </summary>
    private static HashSet<IElement> BodyAncestors(PageDom dom)
    {
        var ancestors = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var largest = 0;
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            if (BoilerplateRules.IsBodyMarker(dom.Names(i))) largest = Math.Max(largest, dom.Stats(i).TextLength);
        }
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            var element = dom.Elements[i];
            if (dom.Stats(i).TextLength < Math.Max(200, largest / 4) || !BoilerplateRules.IsBodyMarker(dom.Names(i))) continue;
            AddAncestors(ancestors, element);
        }
        if (LargestArticle(dom) is { } article) AddAncestors(ancestors, article);
        return ancestors;
    }

    private static void AddAncestors(HashSet<IElement> ancestors, IElement element)
    {
        var up = element.ParentElement;
        while (up is not null && ancestors.Add(up)) up = up.ParentElement;
    }

    private const int MinArticleProse = 1000;

    /// <summary>
    /// The <c>article</c> element that holds most prose, when it holds much of it and at least twice as much as any
    /// other: the article a page opens over its stream (in a frame named "modal"). A comment's or a teaser's
    /// <c>article</c> beside others of its kind is not one.
    /// </summary>
    private static IElement? LargestArticle(PageDom dom)
    {
        IElement? largest = null;
        int first = 0, second = 0;
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            if (dom.Elements[i].LocalName != "article") continue;
            var prose = dom.Stats(i).ProseLength;
            if (prose > first) (largest, first, second) = (dom.Elements[i], prose, first);
            else if (prose > second) second = prose;
        }
        return first >= MinArticleProse && first >= 2 * second ? largest : null;
    }

    public static List<IElement> Locate(PageDom dom)
    {
        var marked = Marked(dom);
        if (marked.Sum(e => dom.Stats(e).TextLength) >= 150) return marked;

        var scores = Score(dom);
        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, score) in scores)
        {
            var final = score * (1 - dom.Stats(element).LinkDensity);
            if (final > topScore)
            {
                topScore = final;
                top = element;
            }
        }
        if (top is null) return [];
        while (top.ParentElement is { } up && up.LocalName != "body" && dom.Stats(up).TextLength <= dom.Stats(top).TextLength)
        {
            top = up;
        }
        return WithSiblings(dom, top, topScore, scores);
    }

    /// <summary>
    /// The recall-oriented candidate: every paragraph, quote and preformatted block left on the page that is not mostly
    /// links, with the headings that come right before one of them, in document order.
    /// </summary>
    public static List<IElement> Recall(PageDom dom)
    {
        var blocks = new List<IElement>();
        IElement? last = null;
        IElement? heading = null;
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            if (dom.IsExcluded(i)) continue;
            var element = dom.Elements[i];
            if (last is not null && last.Contains(element)) continue;
            var stats = dom.Stats(i);
            if (stats.TextLength == 0 || stats.LinkDensity > 0.5) continue;
            if (element.LocalName is "h2" or "h3" or "h4")
            {
                heading = element;
                continue;
            }
            if (element.LocalName is not ("p" or "pre" or "blockquote") || element.Closest("a, li, td") is not null) continue;
            if (heading is not null) blocks.Add(heading);
            heading = null;
            blocks.Add(element);
            last = element;
        }
        return blocks;
    }

    private static List<IElement> Marked(PageDom dom)
    {
        var marked = new List<IElement>();
        HashSet<string>? texts = null;
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            if ((dom.Names(i) & NameKinds.BodyItemprop) == 0 || dom.IsExcluded(i)) continue;
            var element = dom.Elements[i];
            if (marked.Count > 0 && HasAncestorIn(element, marked)) continue;
            // Pages repeat the same microdata block (one per template); the body is taken once.
            texts ??= new HashSet<string>(StringComparer.Ordinal);
            if (!texts.Add(DomWalk.Text(element, dom.Excluded))) continue;
            marked.Add(element);
        }
        return marked;
    }

    private static bool HasAncestorIn(IElement element, List<IElement> candidates)
    {
        for (var up = element.ParentElement; up is not null; up = up.ParentElement)
        {
            if (candidates.Contains(up)) return true;
        }
        return false;
    }

    private static Dictionary<IElement, double> Score(PageDom dom)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < dom.Elements.Count; i++)
        {
            if (dom.IsExcluded(i)) continue;
            var element = dom.Elements[i];
            var stats = dom.Stats(i);
            var paragraphLike = element.LocalName is "p" or "pre" or "td"
                || (element.LocalName is "div" or "section" or "span" && !stats.HasBlock);
            IElement? first = element.ParentElement;
            var (length, commas) = (stats.TextLength, stats.Commas);
            if (!paragraphLike && stats.HasBlock && element.LocalName is "div" or "section" or "article" or "main" or "td" or "font" or "center")
            {
                // Text written straight into a container beside its blocks counts as a paragraph of the container itself.
                (length, commas) = LooseText(element, dom);
                if (length < 2 * MinParagraphLength) continue;
                first = element;
            }
            else if (!paragraphLike || stats.TextLength < MinParagraphLength) continue;
            if (element.LocalName == "span" && element.ParentElement?.LocalName == "p") continue;

            var score = 1.0 + commas + Math.Min(length / 100, 3);
            var level = 0;
            for (var ancestor = first; ancestor is not null && level < 5; ancestor = ancestor.ParentElement, level++)
            {
                if (ancestor.LocalName is "html") break;
                if (!scores.TryGetValue(ancestor, out var current)) current = InitialScore(ancestor, dom);
                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores[ancestor] = current + score / divider;
            }
        }
        return scores;
    }

    /// <summary>Length and commas of the text nodes and inline elements directly inside a container with blocks.</summary>
    private static (int Length, int Commas) LooseText(IElement element, PageDom dom)
    {
        var (length, commas) = (0, 0);
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (!char.IsWhiteSpace(c)) length++;
                    if (c is ',' or '،' or '、' or '，' or '。') commas++;
                }
            }
            else if (child is IElement inline && !BoilerplateRules.IsBlockTag(inline.LocalName) && !dom.IsExcluded(inline))
            {
                var stats = dom.Stats(inline);
                if (stats.HasBlock) continue;
                length += stats.TextLength - stats.LinkLength;
                commas += stats.Commas;
            }
        }
        return (length, commas);
    }

    private static double InitialScore(IElement element, PageDom dom)
    {
        var names = dom.Names(element);
        var score = element.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (element.LocalName == "article") score += 10;
        if (BoilerplateRules.IsBodyMarker(names)) score += 30;
        return score + BoilerplateRules.ClassWeight(names);
    }

    /// <summary>The top candidate plus siblings that look like more of the same body (split containers).</summary>
    private static List<IElement> WithSiblings(PageDom dom, IElement top, double topScore, Dictionary<IElement, double> scores)
    {
        if (top.ParentElement is not { } parent) return [top];
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.ClassName;
        var result = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                result.Add(top);
                continue;
            }
            if (dom.IsExcluded(sibling)) continue;
            var stats = dom.Stats(sibling);
            if (stats.TextLength == 0) continue;
            var bonus = !string.IsNullOrEmpty(topClass) && sibling.ClassName == topClass ? topScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var score) && score * (1 - stats.LinkDensity) + bonus >= threshold)
            {
                result.Add(sibling);
                continue;
            }
            // A section of the same body in a wrapper of its own (under a sub-heading, a step of a guide): nearly all prose.
            if (stats.HasBlock && stats.Paragraphs > 0 && stats.ProseLength >= 80 && stats.ProseLength >= stats.TextLength * 0.8 && stats.LinkDensity < 0.25)
            {
                result.Add(sibling);
                continue;
            }
            if (stats.HasBlock && sibling.LocalName != "p") continue;
            var density = stats.LinkDensity;
            if (stats.TextLength > 80 && density < 0.25) result.Add(sibling);
            else if (stats.TextLength is > 0 and <= 80 && density == 0 && EndsSentence(sibling)) result.Add(sibling);
        }
        return result;
    }

    private static bool EndsSentence(IElement element)
    {
        var text = DomWalk.Text(element);
        return text.EndsWith('.') || text.EndsWith('。') || text.EndsWith('!') || text.EndsWith('?');
    }
}
