using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Search;

/// <summary><c>/search</c>: the search form with its filters, highlighted results and pages.</summary>
internal static class SearchPage
{
    public static async Task<IResult> ShowAsync(
        HttpRequest request, SiteShell shell, IArticleStore store, SiteListsRefresher lists, SharedSearches index, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var categories = CategoryTaxonomy.All.Union((await lists.CurrentAsync(cancellationToken)).Categories).ToList();
        var sources = await store.ListSourcesAsync(cancellationToken);
        var search = SearchRequest.Read(request, categories);
        // Results change as articles arrive: a cached search goes with the lists (Latest changes with every new article).
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var query = search.Query;
        var results = string.IsNullOrWhiteSpace(query.Text) ? null : await policies.HonourAsync(await index.SearchAsync(query, cancellationToken), cancellationToken);

        var title = results is null ? "Search" : $"{SiteShell.Shorten(query.Text, 60)} · Search";
        // A search with words has its feeds: the newest articles that match, whatever the page's order.
        var feeds = results is null ? (TrustedHtml?)null : SearchFeedLinks(search);
        var page = shell.Begin(request, new PageMeta(title, "Search every article, in English or in the original language.", "/search", Head: feeds));
        page.Add($"<div class=\"layout\">\n<section aria-labelledby=\"search-h\"><h1 id=\"search-h\">Search</h1>\n");
        SearchForm.Write(page, search, categories, sources);
        if (search.Problem is not null) page.Add($"<p class=\"notice\" role=\"status\">{search.Problem}</p>\n");
        if (results is null)
            page.Add($"<p class=\"meta\">Type words to look for. Use \"quotes\" for a phrase, -word to leave a word out, word* for words that begin with it.</p>\n");
        else if (results.Message is not null)
            page.Add($"<p class=\"notice\" role=\"status\">{results.Message}</p>\n");
        else
            WriteResults(page, search, results);
        page.Add($"</section>\n</div>");
        return shell.Finish(page);
    }

    private static TrustedHtml SearchFeedLinks(SearchRequest search) =>
        FeedLinks.For($"Search: {SiteShell.Shorten(search.Query.Text, 60)}", "/search", FeedLinks.SearchQuery(search));

    private static void WriteResults(HtmlBuilder page, SearchRequest search, SearchResults results)
    {
        var more = results.TotalIsLowerBound ? "+" : "";
        page.Add($"<p class=\"meta\" role=\"status\">{results.Total:N0}{more} {(results.Total == 1 ? "article" : "articles")} found");
        if (results.PageCount > 1) page.Add($" · page {results.Page} of {results.PageCount}{more}");
        page.Add($"</p>\n");
        if (results.Hits.Count == 0)
        {
            page.Add($"<p class=\"meta\">{(results.Total == 0 ? "Nothing matches. Try fewer words or other filters." : "There are no results on this page.")}</p>\n");
            if (results.Total > 0) page.Add($"<p><a href=\"{search.Link(1)}\">First page of results</a></p>\n");
            return;
        }
        page.Add($"<ol class=\"list results\">\n");
        foreach (var hit in results.Hits)
        {
            var article = hit.Article;
            page.Add($"<li><a class=\"title\" href=\"{Paths.Article(article.Id, article.Title)}\"{TextDirection.TitleAttributes(article)}>{article.Title}</a>");
            page.Add($"""
                <div class="meta"><a href="{Paths.Category(article.Category)}">{article.Category}</a> · <time datetime="{Stamps.Iso(article.PublishedUtc)}">{Stamps.Utc(article.PublishedUtc)}</time> · {article.SourceName} · {Stamps.LanguageName(article.Language)}</div>
                """);
            page.Add($"<p class=\"snippet\"{TextDirection.Attributes(hit.SnippetLanguage)}>");
            foreach (var part in hit.Snippet)
            {
                if (part.Highlighted) page.Add($"<mark>{part.Text}</mark>");
                else page.Add($"{part.Text}");
            }
            page.Add($"</p></li>\n");
        }
        page.Add($"</ol>\n");
        if (results.PageCount <= 1) return;
        page.Add($"<nav class=\"pager\" aria-label=\"Result pages\">");
        page.Add($"<span>");
        if (results.Page > 1) page.Add($"<a rel=\"prev\" href=\"{search.Link(results.Page - 1, results.UpToId)}\">← Previous</a>");
        page.Add($"</span><span>");
        if (results.Page < results.PageCount && results.Page < SearchQuery.MaxPage) page.Add($"<a rel=\"next\" href=\"{search.Link(results.Page + 1, results.UpToId)}\">Next →</a>");
        page.Add($"</span></nav>\n");
    }
}
