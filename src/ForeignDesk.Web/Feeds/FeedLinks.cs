using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Search;

namespace ForeignDesk.Web.Feeds;

/// <summary>The &lt;link rel="alternate"&gt; tags that point feed readers from a page to its feeds, one per format.</summary>
internal static class FeedLinks
{
    /// <param name="title">What the feeds are of ("World", "El País").</param>
    /// <param name="basePath">Where the scope's feeds are: "" for the whole site, "/category/world".</param>
    /// <param name="query">The query string the feeds carry (a search's), with its "?".</param>
    public static TrustedHtml For(string title, string basePath, string query = "")
    {
        var html = new HtmlBuilder();
        foreach (var format in FeedFormat.All)
            html.Add($"<link rel=\"alternate\" type=\"{format.ContentType}\" title=\"{title} ({format.Title})\" href=\"{format.PathUnder(basePath, query)}\">\n");
        return new TrustedHtml(html.ToString());
    }

    /// <summary>The query string of a search's feeds, with its "?": the same words and filters, newest first, no page.</summary>
    public static string SearchQuery(SearchRequest search)
    {
        var link = (search with { Query = search.Query with { Sort = SearchSort.Newest, Page = 1, UpToId = null } }).Link(null);
        return link[link.IndexOf('?')..];
    }
}
