using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>An image found in the body, with the text of the body block it follows (null when it comes first).</summary>
internal sealed record BodyImage(ArticleImage Image, string? After);

/// <summary>
/// The images inside the article body with their captions and credits: figures with a figcaption, images followed by
/// a caption-like element, credits from the caption, a "©" line, data attributes or a JSON-LD ImageObject. Leaves out
/// the lead image, size variants of an image already taken, pixels, icons, logos, avatars, ads and images in chrome.
/// </summary>
internal static partial class BodyImages
{
    private const int MaxImages = 40;
    private const int MatchPrefix = 100;

    private static readonly string[] CreditAttributes = ["data-credit", "data-copyright", "data-photographer", "data-image-credit", "data-author"];

    public static List<BodyImage> Read(IReadOnlyList<IElement> body, PageDom dom, JsonLdFacts ld, Uri pageUrl, LeadImage lead)
    {
        var images = new List<BodyImage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (lead.Image is { } leadImage) seen.Add(ImageSources.Key(leadImage.Url));
        if (lead.Figure is { } leadFigure)
        {
            foreach (var img in DomWalk.Elements(leadFigure).Where(IsImage)) seen.UnionWith(ImageSources.Keys(img, pageUrl));
        }

        IElement? lastBlock = null;
        var stack = new Stack<IElement>();
        foreach (var root in Roots(body))
        {
            stack.Push(root);
            while (stack.Count > 0 && images.Count < MaxImages)
            {
                var element = stack.Pop();
                var tag = element.LocalName;
                if (tag is "p" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "ul" or "ol")
                {
                    if (!dom.IsExcluded(element) && (lastBlock is null || !lastBlock.Contains(element))) lastBlock = element;
                }
                else if (IsImage(element))
                {
                    if (Read(element, root, dom, ld, pageUrl, seen) is { } image)
                        images.Add(new BodyImage(image, lastBlock is null ? null : DomWalk.Text(lastBlock)));
                    continue;
                }
                else if (element != root && dom.IsExcluded(element) && !MayHoldImage(element))
                {
                    continue; // chrome, ads and teasers: nothing in them is one of the body's images
                }
                var children = element.Children;
                for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
            }
            stack.Clear();
        }
        return images;
    }

    /// <summary>Elements left out of the body text that still hold its images: figures, pictures, caption frames.</summary>
    private static bool MayHoldImage(IElement element) =>
        element.LocalName is "figure" or "picture" or "noscript" or "a" or "span" || IsCaptionLike(element);

    /// <summary>
    /// Gives each image the number of paragraphs before it: the position after the paragraph whose text it followed
    /// on the page, 0 before the first, null when that paragraph is not in the body (it is then shown after the body).
    /// </summary>
    public static IReadOnlyList<ArticleImage> Place(List<BodyImage> images, IReadOnlyList<Paragraph> paragraphs)
    {
        if (images.Count == 0) return [];
        var result = new List<ArticleImage>(images.Count);
        var from = 0;
        foreach (var (image, after) in images)
        {
            int? position = after is null ? 0 : null;
            for (var i = from; after is not null && i < paragraphs.Count; i++)
            {
                if (!SameStart(paragraphs[i].Text, after)) continue;
                position = i + 1;
                from = i;
                break;
            }
            result.Add(image with { Position = position });
        }
        return result;
    }

    private static bool SameStart(string a, string b)
    {
        var length = Math.Min(MatchPrefix, Math.Min(a.Length, b.Length));
        return length > 0 && string.CompareOrdinal(a, 0, b, 0, length) == 0;
    }

    /// <summary>The body containers; siblings found one by one count as their parent's stretch from the first to the last.</summary>
    private static IEnumerable<IElement> Roots(IReadOnlyList<IElement> body)
    {
        if (body.Count > 1 && body[0].ParentElement is { } parent && body.All(b => b.ParentElement == parent))
        {
            var children = parent.Children.ToList();
            var first = children.IndexOf(body[0]);
            var last = children.IndexOf(body[^1]);
            if (first >= 0 && last >= first) return children.GetRange(first, last - first + 1);
        }
        return body;
    }

    private static bool IsImage(IElement element) => element.LocalName is "img" or "amp-img";

    private static ArticleImage? Read(IElement img, IElement root, PageDom dom, JsonLdFacts ld, Uri pageUrl, HashSet<string> seen)
    {
        var figure = Ancestor(img, root, "figure");
        var holder = figure ?? Wrapper(img, root);
        if (InChrome(holder, dom) || ImageSources.IsJunkElement(img, holder)) return null;
        if (ImageSources.Url(img, pageUrl) is not { } url || ImageSources.IsJunkUrl(url)) return null;
        var keys = ImageSources.Keys(img, pageUrl).Append(ImageSources.Key(url)).ToList();
        if (keys.Any(seen.Contains)) return null;
        seen.UnionWith(keys);

        var captionElement = figure is not null ? FigureCaption(figure) : CaptionAfter(holder);
        var (caption, credit) = captionElement is null ? (null, null) : ImageReader.Split(captionElement);
        credit ??= CreditAttributes.Select(a => MetadataReader.Clean(img.GetAttribute(a) ?? holder.GetAttribute(a))).FirstOrDefault(c => c is not null);
        if ((caption is null || credit is null) && ld.Images.Count > 0)
        {
            var key = ImageSources.Key(url);
            if (ld.Images.FirstOrDefault(i => ImageSources.Absolute(i.Url, pageUrl) is { } u && ImageSources.Key(u) == key) is { } known)
            {
                caption ??= MetadataReader.Clean(known.Caption);
                credit ??= MetadataReader.Clean(known.Credit);
            }
        }
        return new ArticleImage(url, caption, credit);
    }

    /// <summary>
    /// True when the image's holder sits in chrome or boilerplate; a &lt;noscript&gt; or a caption frame around it
    /// ("wp-caption", kept out of the body text for its caption) does not count.
    /// </summary>
    private static bool InChrome(IElement holder, PageDom dom)
    {
        var parent = holder.ParentElement;
        while (parent is not null && (parent.LocalName is "noscript" or "picture" || IsCaptionLike(parent))) parent = parent.ParentElement;
        return parent is not null && dom.IsExcluded(parent);
    }

    private static IElement? Ancestor(IElement element, IElement root, string tag)
    {
        for (var up = element.ParentElement; up is not null; up = up.ParentElement)
        {
            if (up.LocalName == tag) return up;
            if (up == root) break;
        }
        return null;
    }

    /// <summary>The image with the links, pictures and spans around it that hold nothing else.</summary>
    private static IElement Wrapper(IElement img, IElement root)
    {
        var holder = img;
        while (holder != root && holder.ParentElement is { LocalName: "a" or "picture" or "span" or "noscript" } parent
            && parent.Children.All(c => c == holder || c.LocalName == "source") && string.IsNullOrWhiteSpace(parent.TextContent))
            holder = parent;
        return holder;
    }

    private static IElement? FigureCaption(IElement figure) =>
        figure.Children.FirstOrDefault(c => c.LocalName == "figcaption")
        ?? DomWalk.Elements(figure).FirstOrDefault(e => e.LocalName is not ("img" or "picture" or "source") && IsCaptionLike(e));

    /// <summary>The element right after the image when it looks like a caption or a credit line.</summary>
    private static IElement? CaptionAfter(IElement holder)
    {
        var next = holder.NextElementSibling;
        return next is not null && (IsCaptionLike(next) || DomWalk.Text(next) is { Length: > 1 and < 200 } text && text.StartsWith('©')) ? next : null;
    }

    private static bool IsCaptionLike(IElement element) =>
        element.LocalName == "figcaption" || CaptionName().IsMatch(DomWalk.ClassAndId(element));

    [GeneratedRegex(@"caption|legend|leyenda|didascalia|bildunterschrift|l[ée]gende|pie-?de-?foto|pie-?foto|credit|cr[ée]dito|bildnachweis|fotonachweis")]
    private static partial Regex CaptionName();
}
