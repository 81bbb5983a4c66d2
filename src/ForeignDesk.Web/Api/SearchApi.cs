using System.ComponentModel;
using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ForeignDesk.Web.Api;

/// <summary>One search result: the article and a snippet of the text that matched.</summary>
/// <param name="Snippet">The matching text, plain.</param>
/// <param name="SnippetHtml">The same, HTML-encoded, with &lt;mark&gt; around the matched words.</param>
/// <param name="SnippetLanguage"><c>en</c> when it is from the translation, else the original's language.</param>
internal sealed record SearchHitLine(ArticleLine Article, string Snippet, string SnippetHtml, string SnippetLanguage);

/// <summary>One page of search results.</summary>
/// <param name="Total">Articles found over all pages (at least that many when <c>totalIsLowerBound</c>).</param>
internal sealed record SearchResultPage(string Query, int Total, bool TotalIsLowerBound, IReadOnlyList<SearchHitLine> Items, string? NextCursor, string? Next);

/// <summary><c>/api/v1/search</c>: the site's search, with the same filters as the article list.</summary>
internal static class SearchApi
{
    /// <remarks>The query parameters are named for the OpenAPI document; <see cref="ApiQuery"/> reads them.</remarks>
    public static async Task<IResult> SearchAsync(
        HttpRequest request, IArticleStore store, SiteListsRefresher lists, SharedSearches index, SourcePolicies policies,
        [FromQuery, Description("Words to find, in English or the original language: \"a phrase\", -left-out, prefix*.")] string? q,
        [FromQuery, Description("Original language, an ISO 639 code.")] string? lang,
        [FromQuery, Description("An outlet's slug.")] string? source,
        [FromQuery, Description("A category's name or slug.")] string? category,
        [FromQuery, Description("Published on or after this day (yyyy-MM-dd, UTC).")] string? from,
        [FromQuery, Description("Published on or before this day (yyyy-MM-dd, UTC).")] string? to,
        [FromQuery, Description("relevance (default) or newest.")] string? sort,
        [FromQuery, Description("Results per page, 1 to 100 (default 20).")] string? limit,
        [FromQuery, Description("The nextCursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        var query = new ApiQuery(request);
        var text = query.Text("q");
        if (text is null) query.Errors["q"] = ["Give the words to search for."];
        else if (text.Length > SearchQuery.MaxTextLength) query.Errors["q"] = [$"A search is at most {SearchQuery.MaxTextLength} characters."];
        var categories = CategoryTaxonomy.All.Union((await lists.CurrentAsync(cancellationToken)).Categories).ToList();
        var outlet = await query.SourceAsync(store, cancellationToken);
        var (fromUtc, toUtc) = query.Dates();
        var order = query.Text("sort") switch
        {
            null or "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => (SearchSort?)null,
        };
        if (order is null) query.Errors["sort"] = ["Sort by relevance or newest."];
        var language = query.Language();
        var categoryName = query.Category(categories);
        var pageSize = query.Limit();
        var list = $"search|{text}|{language}|{outlet?.Slug}|{categoryName}|{fromUtc?.ToUnixTimeMilliseconds()}|{toUtc?.ToUnixTimeMilliseconds()}|{order}|{pageSize}";
        var (page, upTo) = (1, (long?)null);
        if (query.Cursor(list) is { } position)
        {
            var parts = position.Split('.');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 1 and <= SearchQuery.MaxPage
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var u))
                (page, upTo) = (p, u);
            else
                query.Errors["cursor"] = ["This cursor cannot be read. Start again without one."];
        }
        if (query.Errors.Count > 0) return ApiProblems.BadParameters(query.Errors);

        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var results = await policies.HonourAsync(await index.SearchAsync(new SearchQuery(text, language, outlet?.Slug, categoryName, fromUtc, toUtc,
            order!.Value, page, pageSize, upTo), cancellationToken), cancellationToken);
        if (results.Message is not null) return ApiProblems.BadParameter("q", results.Message);
        var next = results.Page < results.PageCount && results.Page < SearchQuery.MaxPage && results.UpToId is { } pin
            ? ApiCursor.Encode(list, $"{results.Page + 1}.{pin}")
            : null;
        return ApiJson.Of(new SearchResultPage(text!, results.Total, results.TotalIsLowerBound,
            results.Hits.Select(hit => new SearchHitLine(ArticleLine.Of(hit.Article), string.Concat(hit.Snippet.Select(part => part.Text)),
                SearchJson.SnippetHtml(hit.Snippet), hit.SnippetLanguage)).ToList(),
            next, next is null ? null : ApiPaths.WithCursor(request, next)));
    }
}
