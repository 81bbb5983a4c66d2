using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>The lead image and the figure it was read from (kept out of the body images).</summary>
internal sealed record LeadImage(ArticleImage? Image, IElement? Figure);

/// <summary>Finds the article's lead image and splits its caption from its credit.</summary>
internal static partial class ImageReader
{
    private const int LongParagraph = 100;

    public static LeadImage Read(PageDom dom, JsonLdFacts ld, MetaTags meta, Uri pageUrl)
    {
        var url = Absolute(ld.ImageUrl, pageUrl) ?? Absolute(meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image"), pageUrl);
        var figure = LeadFigure(dom, url, pageUrl);
        if (figure is not null && url is null)
        {
            var img = DomWalk.Elements(figure).FirstOrDefault(e => e.LocalName == "img");
            url = img is null ? null : ImageSources.Url(img, pageUrl);
        }
        if (url is null) return new LeadImage(null, figure);

        var (caption, credit) = figure?.Children.FirstOrDefault(c => c.LocalName == "figcaption") is { } figcaption
            ? Split(figcaption)
            : (MetadataReader.Clean(ld.ImageCaption), null);
        if (credit is null && ld.Images.Count > 0)
        {
            // A JSON-LD ImageObject of the same picture may name its credit (creditText, copyrightHolder, author).
            var key = ImageSources.Key(url);
            var known = ld.Images.FirstOrDefault(i => Absolute(i.Url, pageUrl) is { } u && ImageSources.Key(u) == key);
            credit = MetadataReader.Clean(known?.Credit);
            caption ??= MetadataReader.Clean(known?.Caption);
        }
        return new LeadImage(new ArticleImage(url, caption, credit), figure);
    }

    /// <summary>
    /// The figure of the declared lead image (the same picture, whatever its size variant) when the page has one;
    /// otherwise the first captioned figure outside chrome that comes before the body's running text (fewer than two
    /// long paragraphs before it): a figure further down is one of the body's images. The figure itself is always
    /// kept out of the body text.
    /// </summary>
    private static IElement? LeadFigure(PageDom dom, string? declared, Uri pageUrl)
    {
        var declaredKey = declared is null ? null : ImageSources.Key(declared);
        IElement? first = null;
        var prose = 0;
        foreach (var element in dom.Elements)
        {
            if (element.LocalName == "p" && dom.Stats(element).TextLength >= LongParagraph) prose++;
            if (element.LocalName != "figure" || !element.Children.Any(c => c.LocalName == "figcaption")) continue;
            if (element.ParentElement is not null && dom.IsExcluded(element.ParentElement)) continue;
            if (declaredKey is not null && DomWalk.Elements(element).Any(e => e.LocalName == "img" && ImageSources.Keys(e, pageUrl).Contains(declaredKey)))
                return element;
            if (prose < 2) first ??= element;
            if (declaredKey is null && first is not null) return first;
        }
        return first;
    }

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

    /// <summary>
    /// The credit without its label ("Foto:", "Photo :", "Bild:", "©") and without the closing bracket or quote of a
    /// wrapper around the whole credit ("(Foto: EFE)"); brackets and quotes that pair up inside it are kept
    /// ("Ana López (Europa Press)").
    /// </summary>
    internal static string StripLabel(string credit)
    {
        var stripped = CreditLabel().Replace(DomWalk.Collapse(credit), string.Empty).Trim();
        while (stripped.Length > 0 && Unpaired(stripped, stripped[^1])) stripped = stripped[..^1].TrimEnd();
        return stripped;
    }

    /// <summary>Whether <paramref name="last"/> is a closing bracket or quote with no opening one left to pair with.</summary>
    private static bool Unpaired(string text, char last)
    {
        var open = last switch { ')' => '(', ']' => '[', '»' => '«', '”' => '“', _ => '\0' };
        if (open != '\0') return text.Count(c => c == last) > text.Count(c => c == open);
        return last is '"' or '\'' && text.Count(c => c == last) % 2 == 1;
    }

    private static string TrimPunctuation(string text) => text.Trim().TrimEnd('|', '/', '(', '[', '-', '–', '—', ',').Trim();

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Absolute(string? href, Uri pageUrl) => ImageSources.Absolute(href, pageUrl);

    [GeneratedRegex(@"(^|[\s_-])(credits?|copyright|author|autor|photographer|fotografo|fuente|source|byline|photo-credit)($|[\s_-])")]
    private static partial Regex CreditNames();

    [GeneratedRegex(@"[\(\[]?\s*(\b(fotos?|photos?|bild|imagen|image|cr[ée]dito?s?|credits?|fotograf[íi]a|quelle|zdj[eę]cie|фото|fotó|kuva|billede|bilde)\s*:|©|\(c\)\s).+$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditText();

    [GeneratedRegex(@"^[\(\[]?\s*((fotos?|photos?|bild|imagen|image|cr[ée]dito?s?|credits?|fotograf[íi]a|quelle|zdj[eę]cie|фото|fotó|kuva|billede|bilde)\s*:|©|\(c\))\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLabel();
}
