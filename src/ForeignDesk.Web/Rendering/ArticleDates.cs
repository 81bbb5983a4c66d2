using ForeignDesk.Core;

namespace ForeignDesk.Web.Rendering;

/// <summary>The instants an article is said to have been published and last changed, the same in feeds, sitemaps and pages.</summary>
internal static class ArticleDates
{
    /// <summary>The outlet's modification time, never before publication; the publication time when there is none.</summary>
    public static DateTimeOffset Modified(StoredArticle article) =>
        article.ModifiedUtc is { } modified && modified > article.PublishedUtc ? modified : article.PublishedUtc;
}
