using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The latest articles in one category; the slug is mapped back to the category's name.</summary>
internal static class CategoryArchive
{
    public static async Task<IResult> ShowAsync(
        string slug, HttpRequest request, SiteShell shell, IArticleStore store, CancellationToken cancellationToken)
    {
        var categories = await store.CategoriesAsync(cancellationToken);
        var category = categories.FirstOrDefault(c => Slug.From(c) == slug);
        if (category is null) return NotFound.Page(request, shell);

        var articles = await store.InCategoryAsync(category, 50, cancellationToken);
        var page = shell.Begin(request, new PageMeta(category, $"Latest articles in {category}, machine-translated into English.", Paths.Category(category)));
        page.Add($"<div class=\"layout\">\n<section><h1>{category}</h1>\n");
        ArticleList.Write(page, articles, withTeaser: true, "No articles in this category yet.");
        page.Add($"</section>\n<aside class=\"side\">\n");
        Home.CategoryChips(page, categories);
        page.Add($"</aside>\n</div>");
        return shell.Finish(page);
    }
}
