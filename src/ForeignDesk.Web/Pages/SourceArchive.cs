using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>One outlet and its latest articles.</summary>
internal static class SourceArchive
{
    public static async Task<IResult> ShowAsync(
        string slug, HttpRequest request, SiteShell shell, IArticleStore store, CancellationToken cancellationToken)
    {
        var source = await store.GetSourceAsync(slug, cancellationToken);
        if (source is null) return NotFound.Page(request, shell);

        var articles = await store.FromSourceAsync(source.Id, 50, cancellationToken);
        var language = source.Language is null ? "detected per article" : Stamps.LanguageName(source.Language);
        var page = shell.Begin(request, new PageMeta(source.Name, $"Latest articles from {source.Name}, machine-translated into English.", Paths.Source(source.Slug)));
        page.Add($"<h1>{source.Name}</h1>\n");
        page.Add($"<p class=\"meta\">Language: {language} · Time zone: {source.TimeZone} · Category: <a href=\"{Paths.Category(source.Category)}\">{source.Category}</a>");
        var home = Paths.External(source.HomeUrl.AbsoluteUri);
        if (home is not null) page.Add($" · <a href=\"{home}\" rel=\"nofollow noopener\" target=\"_blank\">{source.HomeUrl.Host}</a>");
        page.Add($"</p>\n");
        ArticleList.Write(page, articles, withTeaser: true, "No articles from this source yet.");
        return shell.Finish(page);
    }
}
