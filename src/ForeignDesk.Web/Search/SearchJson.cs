using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Search;

/// <summary><c>/search.json</c>: the same search as <c>/search</c>, as JSON. Odd input gives a "message", not an error.</summary>
internal static class SearchJson
{
    public static async Task<IResult> ShowAsync(HttpRequest request, IArticleStore store, SiteListsRefresher lists, SharedSearches index, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var categories = CategoryTaxonomy.All.Union((await lists.CurrentAsync(cancellationToken)).Categories).ToList();
        var search = SearchRequest.Read(request, categories);
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var query = search.Query;
        var results = await policies.HonourAsync(await index.SearchAsync(query, cancellationToken), cancellationToken);
        var message = string.Join(' ', new[] { search.Problem, results.Message }.OfType<string>());
        return Results.Json(new
        {
            query = query.Text,
            language = query.Language,
            source = query.SourceSlug,
            category = query.Category,
            from = search.From,
            to = search.To,
            sort = query.Sort == SearchSort.Newest ? "newest" : "relevance",
            page = results.Page,
            pageSize = results.PageSize,
            total = results.Total,
            totalIsLowerBound = results.TotalIsLowerBound,
            pages = results.PageCount,
            message = message.Length == 0 ? null : message,
            next = results.Page < results.PageCount && results.Page < SearchQuery.MaxPage ? search.Link(results.Page + 1, results.UpToId).Replace("/search?", "/search.json?") : null,
            results = results.Hits.Select(hit => new
            {
                id = hit.Article.Id,
                title = hit.Article.Title,
                url = Paths.Article(hit.Article.Id, hit.Article.Title),
                category = hit.Article.Category,
                publishedUtc = hit.Article.PublishedUtc,
                source = hit.Article.SourceName,
                language = hit.Article.Language,
                snippet = string.Concat(hit.Snippet.Select(p => p.Text)),
                snippetHtml = SnippetHtml(hit.Snippet),
                snippetLanguage = hit.SnippetLanguage,
            }),
        });
    }

    /// <summary>The snippet HTML-encoded, with only our own &lt;mark&gt; around the matches.</summary>
    internal static string SnippetHtml(IReadOnlyList<SnippetPart> parts)
    {
        var html = new StringBuilder();
        foreach (var part in parts)
            html.Append(part.Highlighted ? "<mark>" : "").Append(HtmlBuilder.Encode(part.Text)).Append(part.Highlighted ? "</mark>" : "");
        return html.ToString();
    }
}
