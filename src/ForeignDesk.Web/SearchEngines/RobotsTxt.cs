using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>
/// <c>/robots.txt</c>: everything may be crawled but the search pages and feeds (an endless space of queries), and the
/// sitemaps are named with absolute URLs.
/// </summary>
internal static class RobotsTxt
{
    public static IResult Show(HttpRequest request, SiteShell shell) => Results.Text(
        $"""
        User-agent: *
        Disallow: /search
        Allow: /

        Sitemap: {shell.AbsoluteUrl(request, "/sitemap.xml")}
        Sitemap: {shell.AbsoluteUrl(request, "/sitemap-news.xml")}

        """, "text/plain; charset=utf-8");
}
