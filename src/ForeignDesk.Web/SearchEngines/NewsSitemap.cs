using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>
/// <c>/sitemap-news.xml</c>: a Google News sitemap of the articles published in the last two days, at most 1 000, newest
/// first: each with the publication (the site's name and the article's language), its time and its title.
/// </summary>
internal static class NewsSitemap
{
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>Google News reads articles of the last two days only, and at most 1 000 per sitemap.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(2);

    public const int MaxUrls = 1000;

    public static async Task<IResult> ShowAsync(
        HttpRequest request, SiteShell shell, IArticleStore store, SourcePolicies policies, TimeProvider time, CancellationToken ct)
    {
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var now = time.GetUtcNow();
        var since = now - Window;
        // Newest first from the publication index: the read stops at the first article older than the window.
        var recent = (await store.LatestAsync(MaxUrls, ct)).Where(a => a.PublishedUtc >= since && a.PublishedUtc <= now).ToList();
        var articles = await Sitemaps.ListedAsync(policies, recent, ct);
        var site = shell.Options;
        return SitemapXml.Answer(now, writer =>
        {
            writer.WriteStartElement("urlset", SitemapXml.Namespace);
            writer.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var article in articles)
            {
                writer.WriteStartElement("url", SitemapXml.Namespace);
                writer.WriteElementString("loc", SitemapXml.Namespace, shell.AbsoluteUrl(request, Paths.Article(article.Id, article.Title)));
                writer.WriteStartElement("news", "news", NewsNamespace);
                writer.WriteStartElement("news", "publication", NewsNamespace);
                writer.WriteElementString("news", "name", NewsNamespace, site.Name);
                writer.WriteElementString("news", "language", NewsNamespace, article.State == ArticleState.Translated ? "en" : article.Language);
                writer.WriteEndElement();
                writer.WriteElementString("news", "publication_date", NewsNamespace, Stamps.Iso(article.PublishedUtc));
                writer.WriteElementString("news", "title", NewsNamespace, article.Title);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }
}
