namespace ForeignDesk.Core;

/// <summary>Which articles a filtered list shows. Null filters do not filter.</summary>
/// <param name="Language">ISO 639 code of the original language.</param>
/// <param name="FromUtc">Published at or after this instant.</param>
/// <param name="ToUtc">Published before this instant.</param>
public sealed record ArticleFilter(
    string? Language = null,
    long? SourceId = null,
    string? Category = null,
    DateTimeOffset? FromUtc = null,
    DateTimeOffset? ToUtc = null);

/// <summary>Articles filtered by language, outlet, category and time, newest first, a page at a time.</summary>
public interface IArticleFilters
{
    /// <summary>
    /// At most this many index entries are read for one page when a filter cannot be answered from an index alone (a
    /// language, or two filters at once): a rare match gives a shorter page, or an empty one, that still carries the
    /// cursor to go on from. No page reads more of the store than this.
    /// </summary>
    public const int ScanLimit = 5000;

    /// <summary>
    /// The page after <paramref name="cursor"/> (an older-articles cursor; null for the newest), with
    /// <see cref="ArticlePage.Older"/> set while articles may remain, even when the page holds fewer than
    /// <paramref name="limit"/>. <see cref="ArticlePage.Newer"/> is always null.
    /// </summary>
    Task<ArticlePage> FilteredAsync(ArticleFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken);
}
