using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The front page: Latest, Trends 24h and the categories.</summary>
internal static class Home
{
    public static async Task<IResult> ShowAsync(
        HttpRequest request, SiteShell shell, SiteListsRefresher siteLists, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var lists = await siteLists.CurrentAsync(cancellationToken);
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var latest = lists.LatestStories is { } stories ? await policies.TeasersAsync(request.HttpContext, stories, cancellationToken) : null;
        var latestArticles = latest is null ? await policies.TeasersAsync(request.HttpContext, lists.Latest, cancellationToken) : lists.Latest;
        var trending = lists.Trending;
        var categories = lists.Categories;

        var site = shell.Options;
        var page = shell.Begin(request, new PageMeta(site.Name, $"{site.Name}: {site.Tagline}. Latest articles from news outlets around the world, machine-translated into English.", "/",
            Head: FeedLinks.For(site.Name, "")));
        page.Add($"<div class=\"layout\">\n<section aria-labelledby=\"latest-h\"><h1 id=\"latest-h\">Latest</h1>\n");
        if (latest is null) ArticleList.Write(page, latestArticles, withTeaser: true, "No articles yet.");
        else StoryList.Write(page, latest, withTeaser: true, "No articles yet.");
        page.Add($"</section>\n<aside class=\"side\">\n");
        ArticleList.Section(page, "trends", "Trends 24h", trending, "Nothing has been read in the last 24 hours.");
        CategoryChips(page, categories);
        page.Add($"</aside>\n</div>");
        return shell.Finish(page);
    }

    internal static void CategoryChips(HtmlBuilder page, IReadOnlyList<string> categories)
    {
        page.Add($"<section id=\"categories\" aria-labelledby=\"categories-h\"><h2 id=\"categories-h\">Categories</h2>\n");
        if (categories.Count == 0)
        {
            page.Add($"<p class=\"meta\">No categories yet.</p>");
        }
        else
        {
            page.Add($"<ul class=\"chips\">");
            foreach (var category in categories) page.Add($"<li><a href=\"{Paths.Category(category)}\">{category}</a></li>");
            page.Add($"</ul>");
        }
        page.Add($"</section>\n");
    }
}
