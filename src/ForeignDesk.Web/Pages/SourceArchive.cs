using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Policy;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>One outlet and its articles, newest first, 50 to a page.</summary>
internal static class SourceArchive
{
    public static async Task<IResult> ShowAsync(
        string slug, HttpRequest request, SiteShell shell, IArticleStore store, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var source = await store.GetSourceAsync(slug, cancellationToken);
        if (source is null) return NotFound.Page(request, shell);
        if (await policies.IsWithdrawnAsync(source.Id, cancellationToken)) return Gone.SourcePage(request, shell, source);
        if (!Pager.TryRead(request, out var cursor)) return BadRequest.PageLink(request, shell);

        PageCache.Tag(request.HttpContext, PageTags.Source(source.Id));
        var articles = await store.FromSourceAsync(source.Id, cursor, Pager.PageSize, cancellationToken);
        var language = source.Languages.Count == 0 ? "detected per article" : string.Join(", ", source.Languages.Select(Stamps.LanguageName));
        var path = Paths.Source(source.Slug);
        var page = shell.Begin(request, new PageMeta(source.Name, $"Latest articles from {source.Name}, machine-translated into English.", path,
            Head: FeedLinks.For(source.Name, path)));
        page.Add($"<h1>{source.Name}</h1>\n");
        page.Add($"<p class=\"meta\">Language: {language} · Time zone: {source.TimeZone} · Category: <a href=\"{Paths.Category(source.Category)}\">{source.Category}</a>");
        var home = Paths.External(source.HomeUrl.AbsoluteUri);
        if (home is not null) page.Add($" · <a href=\"{home}\" rel=\"nofollow noopener\" target=\"_blank\">{source.HomeUrl.Host}</a>");
        page.Add($"</p>\n");
        ArticleList.Write(page, await policies.TeasersAsync(request.HttpContext, articles.Items, cancellationToken), withTeaser: true, "No articles from this source yet.");
        Pager.Write(page, path, articles.Newer, articles.Older, "Newer", "Older");
        return shell.Finish(page);
    }
}
