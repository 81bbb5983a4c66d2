using System.Globalization;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// The tags cached pages carry, so that a change drops exactly the pages that show it. Article, day, category, source
/// and story tags are the store's own (<see cref="Core.IPageChanges"/>); <see cref="Lists"/> marks pages that show
/// the site's lists (Latest, Trends 24h, categories), dropped when those are recomputed differently.
/// </summary>
internal static class PageTags
{
    public const string Lists = "lists";

    /// <summary>The store's tag for "newest articles changed": it triggers a recomputation of the lists.</summary>
    public const string Latest = "latest";

    /// <summary>The sitemap index: dropped when the archive's days or their counts are recounted differently.</summary>
    public const string ArchiveDays = "archive-days";
    /// <summary>
    /// The store's tag for "a source's policy changed": every web process reads the policies again
    /// (<see cref="Policy.SourcePolicies"/>) and drops the pages of lists whose teasers the policies decided.
    /// </summary>
    public const string Policies = "policies";

    /// <summary>Every cached page: dropped when the change feed could not be read for a while.</summary>
    public const string All = "all";

    public static string Article(long id) => "article:" + id.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => "day:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Category(string name) => "category:" + name;

    public static string Source(long id) => "source:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The pages that show articles of a source as its policy allows (an article, a feed entry): dropped when the
    /// policy changes, not with each new article of the source as <see cref="Source"/> is.
    /// </summary>
    public static string Policy(long sourceId) => "policy:" + sourceId.ToString(CultureInfo.InvariantCulture);

    public static string Story(long id) => "story:" + id.ToString(CultureInfo.InvariantCulture);
}
