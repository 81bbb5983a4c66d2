using ForeignDesk.Core;

namespace ForeignDesk.Web.Images;

/// <summary>
/// Which of an article's images the site shows: those a check found good for the URL the article now carries. An image
/// not checked yet, or that could not be fetched, is left out of the page with its caption, never shown broken.
/// </summary>
internal sealed class ArticleImages(StoredArticle article, IReadOnlyList<ImageCheck> checks)
{
    /// <summary>The good check of the image at <paramref name="index"/>, or null.</summary>
    public ImageCheck? Good(int index) => ImageProxy.ImageOf(article.Original, index) is { } image ? GoodCheck(checks, index, image.Url) : null;

    public static ImageCheck? GoodCheck(IReadOnlyList<ImageCheck> checks, int index, string url)
    {
        var key = ImageCache.Key(url);
        return checks.FirstOrDefault(c => c.Index == index && c.Good && c.UrlKey == key);
    }
}
