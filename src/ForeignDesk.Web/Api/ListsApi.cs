using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Api;

/// <param name="HasArticles">False for a category of the taxonomy that no article is filed under yet.</param>
internal sealed record CategoryBody(string Name, string Slug, bool HasArticles, string Url, string ArticlesUrl);

internal sealed record CategoryList(IReadOnlyList<CategoryBody> Items);

/// <summary>An article of Trends 24h, with its views in the last 24 hours.</summary>
internal sealed record TrendLine(ArticleLine Article, long Views);

/// <param name="ComputedUtc">When the list was last computed (every 30 seconds).</param>
internal sealed record TrendList(IReadOnlyList<TrendLine> Items, DateTimeOffset ComputedUtc);

/// <summary><c>/api/v1/categories</c> and <c>/api/v1/trends</c>: lists the site keeps ready-made.</summary>
internal static class ListsApi
{
    public static async Task<IResult> CategoriesAsync(SiteListsRefresher siteLists, CancellationToken cancellationToken)
    {
        var filed = (await siteLists.CurrentAsync(cancellationToken)).Categories;
        var all = filed.Union(CategoryTaxonomy.All).Order(StringComparer.Ordinal);
        return ApiJson.Of(new CategoryList(all.Select(c => new CategoryBody(c, Slug.From(c), filed.Contains(c), Paths.Category(c),
            $"{ApiPaths.Root}/articles?category={Uri.EscapeDataString(Slug.From(c))}")).ToList()));
    }

    public static async Task<IResult> TrendsAsync(SiteListsRefresher siteLists, CancellationToken cancellationToken)
    {
        var lists = await siteLists.CurrentAsync(cancellationToken);
        return ApiJson.Of(new TrendList(lists.Trending.Select(a => new TrendLine(ArticleLine.Of(a), a.Views)).ToList(), lists.ComputedUtc));
    }
}
