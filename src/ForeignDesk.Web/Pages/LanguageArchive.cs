using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Pages;

/// <summary>The articles translated from one language, newest first, 50 to a page (<c>/language/es</c>).</summary>
internal static partial class LanguageArchive
{
    public static string PathOf(string code) => "/language/" + code;

    /// <summary>An ISO 639 code as the store keeps them: two or three lower-case letters, perhaps a region ("pt-br").</summary>
    public static bool IsCode(string code) => LanguageCode().IsMatch(code);

    /// <summary>The archive index: the registered one, else the article store when it also keeps one.</summary>
    public static IArchiveIndex? Index(HttpRequest request, IArticleStore store) => Index(request.HttpContext.RequestServices, store);

    /// <summary>The archive index: the registered one, else the article store when it also keeps one.</summary>
    public static IArchiveIndex? Index(IServiceProvider services, IArticleStore store) =>
        services.GetService<IArchiveIndex>() ?? store as IArchiveIndex;

    public static async Task<IResult> ShowAsync(string code, HttpRequest request, SiteShell shell, IArticleStore store, SourcePolicies policies, CancellationToken cancellationToken)
    {
        if (!IsCode(code) || Index(request, store) is not { } archive) return NotFound.Page(request, shell);
        if (!Pager.TryRead(request, out var cursor)) return BadRequest.PageLink(request, shell);

        // Any new article may be in this language: the page goes with the lists, which change with every new article.
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var articles = await archive.InLanguageAsync(code, cursor, Pager.PageSize, cancellationToken);
        var language = Stamps.LanguageName(code);
        var title = $"From {language}";
        var path = PathOf(code);
        var page = shell.Begin(request, new PageMeta(title, $"Latest articles translated from {language} into English.", path,
            Head: FeedLinks.For(title, path)));
        page.Add($"<h1>{title}</h1>\n");
        ArticleList.Write(page, await policies.TeasersAsync(request.HttpContext, articles.Items, cancellationToken), withTeaser: true, $"No articles in {language} yet.");
        Pager.Write(page, path, articles.Newer, articles.Older, "Newer", "Older");
        return shell.Finish(page);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
