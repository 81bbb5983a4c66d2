using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// Pages of a list read by key (published instant, then id), the same in every store. The store's query gives the
/// rows past the cursor in the cursor's direction (or from the list's start when there is none), up to a count; one
/// more row than the page holds tells whether another page follows.
/// </summary>
internal static class KeysetPages
{
    public const int MaxLimit = 500;

    /// <summary>
    /// A page of a newest-first list. <paramref name="rows"/>(null or an older-side cursor, n) reads newest first;
    /// (a newer-side cursor, n) reads oldest first. A page of newer rows that reaches the newest is the first page.
    /// </summary>
    public static async Task<ArticlePage> NewestFirstAsync(Func<PageCursor?, int, Task<List<ArticleSummary>>> rows, PageCursor? cursor, int limit)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        if (cursor is { Newer: true })
        {
            var newer = await rows(cursor, limit + 1);
            if (newer.Count <= limit) return await NewestFirstAsync(rows, null, limit);
            newer.RemoveAt(newer.Count - 1);
            newer.Reverse();
            return new ArticlePage(newer, PageCursor.At(newer[0], newer: true), PageCursor.At(newer[^1], newer: false));
        }
        var page = await rows(cursor, limit + 1);
        var more = page.Count > limit;
        if (more) page.RemoveAt(page.Count - 1);
        return new ArticlePage(page,
            cursor is not null && page.Count > 0 ? PageCursor.At(page[0], newer: true) : null,
            more ? PageCursor.At(page[^1], newer: false) : null);
    }

    /// <summary>
    /// A page of a story's articles in time order. <paramref name="rows"/>(null or a later-side cursor, n) reads oldest
    /// first; (an earlier-side cursor, n) reads newest first. Going back that reaches the beginning is the first page.
    /// </summary>
    public static async Task<StoryArticlePage> OldestFirstAsync(Func<PageCursor?, int, Task<List<StoryArticle>>> rows, PageCursor? cursor, int limit)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var page = await rows(cursor, limit + 1);
        var more = page.Count > limit;
        if (more) page.RemoveAt(page.Count - 1);
        if (cursor is { Newer: false })
        {
            if (!more) return await OldestFirstAsync(rows, null, limit);
            page.Reverse();
            return new StoryArticlePage(page, Cursor(page[0], newer: false), Cursor(page[^1], newer: true));
        }
        return new StoryArticlePage(page,
            cursor is not null && page.Count > 0 ? Cursor(page[0], newer: false) : null,
            more ? Cursor(page[^1], newer: true) : null);

        static PageCursor Cursor(StoryArticle item, bool newer) => PageCursor.At(item.Article, newer);
    }
}
