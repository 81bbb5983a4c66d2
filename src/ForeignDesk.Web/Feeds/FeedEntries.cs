using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Images;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Feeds;

/// <summary>
/// Turns a list of articles (read from the narrow list lines) into a feed: each entry's text is the one whole-article
/// read, and tags the cached feed with the article, so a new translation drops it.
/// </summary>
internal sealed class FeedEntries(
    IArticleStore store, SiteShell shell, SourcePolicies policies, ImageChecker images, IOptions<FeedOptions> options, TimeProvider time)
{
    public int Count => options.Value.Entries;

    public async Task<FeedChannel> ChannelAsync(
        HttpRequest request, string title, string description, string pagePath, string feedBasePath, string query,
        IEnumerable<ArticleSummary> articles, CancellationToken cancellationToken)
    {
        var entries = new List<FeedEntry>();
        foreach (var line in articles.Take(Count))
        {
            PageCache.Tag(request.HttpContext, PageTags.Article(line.Id));
            var article = await store.GetArticleAsync(line.Id, cancellationToken);
            if (article is null) continue;
            PageCache.Tag(request.HttpContext, PageTags.Policy(article.SourceId));
            var rules = await policies.ForAsync(article, cancellationToken);
            entries.Add(Entry(request, article, rules.Body ? await images.ImagesOfAsync(article, cancellationToken) : new ArticleImages(article, []), rules));
        }
        var site = shell.Options;
        // A feed changes when its newest entry does; an empty one is as of now.
        var updated = entries.Count == 0 ? time.GetUtcNow() : entries.Max(e => e.ModifiedUtc);
        return new FeedChannel(title, description, shell.AbsoluteUrl(request, pagePath), shell.AbsoluteUrl(request, feedBasePath), query,
            site.Name, shell.AbsoluteUrl(request, "/favicon.svg"), updated, entries);
    }

    /// <summary>The entry as the article's <see cref="Republication"/> allows: the whole translation, a summary, or the title and links.</summary>
    private FeedEntry Entry(HttpRequest request, StoredArticle article, ArticleImages images, Republication rules)
    {
        var translation = rules.Translation ? article.Translation : null;
        var paragraphs = translation?.Paragraphs ?? article.Original.Paragraphs;
        var title = translation?.Title ?? article.Original.Title;
        var summary = rules.Snippet
            ? SiteShell.Shorten(translation?.Teaser ?? article.Original.Teaser ?? (rules.Body ? paragraphs.FirstOrDefault()?.Text : null) ?? title, 400)
            : rules.Reason ?? "The outlet asks that no snippet of this article be shown: read it on its page.";
        string? content = null;
        if (rules.Body && rules.Snippet && !article.Original.TeaserOnly)
        {
            var html = new HtmlBuilder();
            ArticleFigures.WriteBody(html, article, images, translation);
            content = html.ToString();
        }
        return new FeedEntry(
            Title: title,
            Url: shell.AbsoluteUrl(request, Paths.Article(article.Id, article.DisplayTitle)),
            OriginalUrl: article.Url,
            OriginalLanguage: article.Language,
            Language: translation is null ? article.Language : "en",
            SourceName: article.SourceName,
            SourceUrl: shell.AbsoluteUrl(request, Paths.Source(article.SourceSlug)),
            Engine: translation?.Engine,
            Route: translation?.Route,
            Category: article.Category,
            PublishedUtc: article.PublishedUtc,
            ModifiedUtc: ArticleDates.Modified(article),
            ContentHtml: content,
            Summary: summary,
            ImageUrl: ArticleFigures.LeadPath(article, images) is { } lead ? shell.AbsoluteUrl(request, lead) : null);
    }
}
