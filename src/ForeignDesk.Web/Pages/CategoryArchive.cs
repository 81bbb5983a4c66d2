using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The articles of one category, newest first, 50 to a page; the slug is mapped back to the category's name.</summary>
internal static class CategoryArchive
{
    public static async Task<IResult> ShowAsync(
        string slug, HttpRequest request, SiteShell shell, IArticleStore store, SiteListsRefresher lists, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var categories = (await lists.CurrentAsync(cancellationToken)).Categories;
        // Every category of the taxonomy has a page (a source names its default one before any article is filed there).
        var category = categories.Union(CategoryTaxonomy.All).FirstOrDefault(c => Slug.From(c) == slug);
        if (category is null) return NotFound.Page(request, shell);
        if (!Pager.TryRead(request, out var cursor)) return BadRequest.PageLink(request, shell);

        PageCache.Tag(request.HttpContext, PageTags.Category(category), PageTags.Lists);
        var articles = await store.InCategoryAsync(category, cursor, Pager.PageSize, cancellationToken);
        var path = Paths.Category(category);
        var page = shell.Begin(request, new PageMeta(category, $"Latest articles in {category}, machine-translated into English.", path,
            Head: FeedLinks.For(category, path)));
        page.Add($"<div class=\"layout\">\n<section><h1>{category}</h1>\n");
        ArticleList.Write(page, await policies.TeasersAsync(request.HttpContext, articles.Items, cancellationToken), withTeaser: true, "No articles in this category yet.");
        Pager.Write(page, path, articles.Newer, articles.Older, "Newer", "Older");
        page.Add($"</section>\n<aside class=\"side\">\n");
        Home.CategoryChips(page, categories);
        page.Add($"</aside>\n</div>");
        return shell.Finish(page);
    }
}
