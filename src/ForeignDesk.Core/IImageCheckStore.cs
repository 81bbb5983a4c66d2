namespace ForeignDesk.Core;

/// <summary>
/// What became of fetching one of an article's images: whether the site has a good copy (and its size), or why not.
/// Pages show an image only once a check found it good, so a reader never sees a broken one.
/// </summary>
/// <param name="Index">0 for the lead image, then 1… for the body's images in the outlet's order.</param>
/// <param name="UrlKey">The SHA-256 of the image's URL (hex): a check of another URL at the same place does not count.</param>
/// <param name="Width">The image's width in pixels (0 when it is not good).</param>
/// <param name="Height">The image's height in pixels (0 when it is not good).</param>
/// <param name="Problem">Why it is not good (a status, "not an image", "cannot be decoded"); null when good.</param>
public sealed record ImageCheck(long ArticleId, int Index, string UrlKey, bool Good, int Width, int Height, string? Problem, DateTimeOffset CheckedUtc);

/// <summary>The stored outcome of fetching each article image; saving one marks the article's page changed.</summary>
public interface IImageCheckStore
{
    /// <summary>The checks of the article's images, in no particular order.</summary>
    Task<IReadOnlyList<ImageCheck>> ImageChecksAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>Keeps the check, replacing the one at its article and place; nothing when the article is not stored.</summary>
    Task SaveImageCheckAsync(ImageCheck check, CancellationToken cancellationToken);
}
