using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Finds the article's lead image and splits its caption from its credit.</summary>
internal static partial class ImageReader
{
    public static ArticleImage? Read(PageDom dom, JsonLdFacts ld, MetaTags meta, Uri pageUrl)
    {
        var figure = LeadFigure(dom);
        var url = Absolute(ld.ImageUrl, pageUrl) ?? Absolute(meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image"), pageUrl);
        if (figure is not null && url is null)
        {
            var img = DomWalk.Elements(figure).FirstOrDefault(e => e.LocalName == "img");
            url = Absolute(img?.GetAttribute("src") ?? img?.GetAttribute("data-src"), pageUrl);
        }
        if (url is null) return null;

        var (caption, credit) = figure?.Children.FirstOrDefault(c => c.LocalName == "figcaption") is { } figcaption
            ? Split(figcaption)
            : (MetadataReader.Clean(ld.ImageCaption), null);
        return new ArticleImage(url, caption, credit);
    }

    /// <summary>The first figure outside chrome and boilerplate (the figure itself is always kept out of the body).</summary>
    private static IElement? LeadFigure(PageDom dom) =>
        dom.Elements.FirstOrDefault(e => e.LocalName == "figure"
            && (e.ParentElement is null || !dom.IsExcluded(e.ParentElement))
            && e.Children.Any(c => c.LocalName == "figcaption"));

    internal static (string? Caption, string? Credit) Split(IElement figcaption)
    {
        var creditElements = DomWalk.Elements(figcaption).Where(e => CreditNames().IsMatch(DomWalk.ClassAndId(e))).ToList();
        if (creditElements.Count > 0)
        {
            var excluded = new HashSet<INode>(creditElements, ReferenceEqualityComparer.Instance);
            var captionText = TrimPunctuation(DomWalk.Text(figcaption, excluded));
            var creditText = StripLabel(string.Join(" ", creditElements.Where(e => !creditElements.Any(o => o != e && o.Contains(e))).Select(e => DomWalk.Text(e))));
            return (Empty(captionText), Empty(creditText));
        }
        var text = DomWalk.Text(figcaption);
        var match = CreditText().Match(text);
        if (!match.Success) return (Empty(text), null);
        return (Empty(TrimPunctuation(text[..match.Index])), Empty(StripLabel(match.Value)));
    }

    private static string StripLabel(string credit)
    {
        var stripped = CreditLabel().Replace(DomWalk.Collapse(credit), string.Empty);
        return stripped.Trim().TrimEnd(')', ']').Trim();
    }

    private static string TrimPunctuation(string text) => text.Trim().TrimEnd('|', '/', '(', '[', '-', '–', '—', ',').Trim();

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Absolute(string? href, Uri pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(pageUrl, href.Trim(), out var url)) return null;
        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? url.AbsoluteUri : null;
    }

    [GeneratedRegex(@"(^|[\s_-])(credits?|copyright|author|autor|photographer|fotografo|fuente|source|byline|photo-credit)($|[\s_-])")]
    private static partial Regex CreditNames();

    [GeneratedRegex(@"[\(\[]?\s*(\b(fotos?|photos?|bild|imagen|image|cr[ée]dito?s?|credits?|fotograf[íi]a|quelle)\s*:|©|\(c\)\s).+$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditText();

    [GeneratedRegex(@"^[\(\[]?\s*((fotos?|photos?|bild|imagen|image|cr[ée]dito?s?|credits?|fotograf[íi]a|quelle)\s*:|©|\(c\))\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLabel();
}
