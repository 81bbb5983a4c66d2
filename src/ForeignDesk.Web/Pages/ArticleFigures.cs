using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Images;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// An article's images as figures: the caption (English when translated) and the credit, all text HTML-encoded, each
/// image served from the site (<see cref="ImageProxy"/>) at its widths (<c>srcset</c>), only once a check found it good
/// (<see cref="ArticleImages"/>): an image not checked yet or that could not be fetched is left out with its caption.
/// Body images go between the paragraphs where the outlet placed them, or after the body when their place is unknown.
/// </summary>
internal static class ArticleFigures
{
    /// <summary>One figure of the article's image at <paramref name="index"/> (0 the lead image); nothing when it has none there.</summary>
    /// <param name="captionLanguage">The language of <paramref name="caption"/>, for its lang attribute.</param>
    public static void Write(HtmlBuilder page, StoredArticle article, ArticleImages images, int index, string? caption, string captionLanguage, string? credit, bool lazy = true)
    {
        if (ImageProxy.ImageOf(article.Original, index) is not { } image || images.Good(index) is not { } good) return;
        var widths = ImageRenditions.WidthsFor(good.Width);
        var largest = widths[^1];
        var height = Math.Max(1, (int)Math.Round((double)good.Height * largest / good.Width));
        var srcset = string.Join(", ", widths.Select(w => $"{ImageProxy.PathOf(article.Id, index, image.Url, w)} {w}w"));
        page.Add($"<figure><img src=\"{ImageProxy.PathOf(article.Id, index, image.Url, largest)}\" srcset=\"{srcset}\" sizes=\"{Sizes}\" width=\"{largest}\" height=\"{height}\" alt=\"{caption}\"{(lazy ? new TrustedHtml(" loading=\"lazy\"") : TrustedHtml.Empty)} decoding=\"async\" referrerpolicy=\"no-referrer\">");
        var hasCaption = !string.IsNullOrWhiteSpace(caption);
        var hasCredit = !string.IsNullOrWhiteSpace(credit);
        if (hasCaption || hasCredit)
        {
            page.Add($"<figcaption>");
            if (hasCaption) page.Add($"<span{TextDirection.Attributes(captionLanguage)}>{caption}</span>");
            if (hasCaption && hasCredit) page.Add($" · ");
            if (hasCredit) page.Add($"<span class=\"credit\">Photo: {credit}</span>");
            page.Add($"</figcaption>");
        }
        page.Add($"</figure>\n");
    }

    /// <summary>How wide an image is shown: the whole screen on a phone, the article's column (48rem) on a wider one.</summary>
    private const string Sizes = "(max-width: 48rem) 100vw, 48rem";

    /// <summary>The path of the lead image's largest width when it is good (for previews), else null.</summary>
    public static string? LeadPath(StoredArticle article, ArticleImages images) =>
        ImageProxy.ImageOf(article.Original, 0) is { } image && images.Good(0) is { } good
            ? ImageProxy.PathOf(article.Id, 0, image.Url, ImageRenditions.WidthsFor(good.Width)[^1])
            : null;

    /// <summary>The body paragraphs with the body images in their places, and the notes of failed translation checks.</summary>
    public static void WriteBody(HtmlBuilder page, StoredArticle article, ArticleImages figures, TranslatedArticle? translation)
    {
        var paragraphs = translation?.Paragraphs ?? article.Original.Paragraphs;
        var checks = ArticleChecks.Of(article, translation);
        long? reportable = translation is not null && ArticleBilingual.IsOffered(article) ? article.Id : null;
        var images = article.Original.Images;
        if (images.Count == 0)
        {
            ArticleBody.Write(page, paragraphs, 0, checks, reportable);
            return;
        }
        var placed = images.Select((image, index) => (Image: image, Index: index, At: Math.Min(image.Position ?? int.MaxValue, paragraphs.Count)))
            .OrderBy(i => i.At).ThenBy(i => i.Index).ToList();
        var written = 0;
        foreach (var (image, index, at) in placed)
        {
            if (at > written)
            {
                ArticleBody.Write(page, paragraphs.Skip(written).Take(at - written).ToList(), written, checks, reportable);
                written = at;
            }
            var translated = translation is not null && translation.ImageCaptions.Count == images.Count ? translation.ImageCaptions[index] : null;
            Write(page, article, figures, index + 1, translated ?? image.Caption, translated is null ? article.Language : "en", image.Credit);
        }
        if (written < paragraphs.Count) ArticleBody.Write(page, paragraphs.Skip(written).ToList(), written, checks, reportable);
    }
}
