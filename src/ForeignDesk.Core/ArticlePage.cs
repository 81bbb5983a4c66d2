using System.Globalization;

namespace ForeignDesk.Core;

/// <summary>
/// A place in a list ordered by publication time and id, for pages that stay stable while articles arrive: the page
/// after it (<see cref="Newer"/> false: older articles) or before it (true: newer ones).
/// </summary>
public sealed record PageCursor(DateTimeOffset PublishedUtc, long Id, bool Newer)
{
    /// <summary>As it appears in a URL: milliseconds since 1970 and the id, <c>1764979200000.1234</c>.</summary>
    public string Key => $"{PublishedUtc.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}";

    public static PageCursor At(ArticleSummary article, bool newer) => new(article.PublishedUtc, article.Id, newer);

    /// <summary>Reads <see cref="Key"/>; null when it is not one (out of range, malformed).</summary>
    public static PageCursor? Parse(string? key, bool newer)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 40) return null;
        var dot = key.IndexOf('.');
        if (dot <= 0
            || !long.TryParse(key.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(key.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            return null;
        return new PageCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id, newer);
    }
}

/// <summary>One page of a list of articles, newest first, with the cursors of the pages on either side (null at an end).</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, PageCursor? Newer, PageCursor? Older)
{
    public static readonly ArticlePage Empty = new([], null, null);
}

/// <summary>One page of a story's articles, in time order (oldest first), with the cursors on either side.</summary>
public sealed record StoryArticlePage(IReadOnlyList<StoryArticle> Items, PageCursor? Earlier, PageCursor? Later);

/// <summary>What a story page or link says about a story without listing its articles.</summary>
public sealed record StoryFacts(
    long Id,
    string Headline,
    DateTimeOffset FirstSeenUtc,
    DateTimeOffset LastSeenUtc,
    int ArticleCount,
    int OutletCount,
    IReadOnlyList<string> Languages);

/// <summary>An article with what its page shows around it: its related articles, best first, and its story (null when in none).</summary>
public sealed record ArticleWithStory(StoredArticle Article, IReadOnlyList<ArticleSummary> Related, StoryFacts? Story);

/// <summary>Views of one article counted in memory, written in a batch.</summary>
public sealed record ViewCount(long ArticleId, DateTimeOffset HourUtc, long Count);
