using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Pages;

/// <summary>A story: its headline, and every outlet and language that covered it, in time order, 50 to a page.</summary>
internal static class StoryShow
{
    public static string PathOf(long storyId) => $"/story/{storyId}";

    /// <summary>The story store: the registered one, else the article store when it also keeps stories.</summary>
    public static IStoryStore? Stories(HttpRequest request, IArticleStore store) =>
        request.HttpContext.RequestServices.GetService<IStoryStore>() ?? store as IStoryStore;

    public static async Task<IResult> ShowAsync(long id, HttpRequest request, SiteShell shell, IArticleStore store, CancellationToken cancellationToken)
    {
        if (Stories(request, store) is not { } stories) return NotFound.Page(request, shell);
        if (!Pager.TryRead(request, out var cursor)) return BadRequest.PageLink(request, shell);
        PageCache.Tag(request.HttpContext, PageTags.Story(id));
        var story = await stories.StoryFactsAsync(id, cancellationToken);
        if (story is null)
        {
            // A story merged into an older one keeps its address: it points to the story that holds its articles.
            return await stories.SurvivorOfAsync(id, cancellationToken) is { } survivor
                ? Results.Redirect(PathOf(survivor), permanent: true)
                : NotFound.Page(request, shell);
        }
        var articles = await stories.StoryArticlesAsync(id, cursor, Pager.PageSize, cancellationToken);

        var summary = Summary(story);
        var path = PathOf(story.Id);
        var page = shell.Begin(request, new PageMeta(story.Headline, $"{story.Headline}: {summary}.", path,
            Head: FeedLinks.For(story.Headline, path)));
        page.Add($"""
            <article class="story" id="story">
            <p class="meta">Story · <time datetime="{Stamps.Iso(story.FirstSeenUtc)}">{Stamps.Utc(story.FirstSeenUtc)}</time> to <time datetime="{Stamps.Iso(story.LastSeenUtc)}">{Stamps.Utc(story.LastSeenUtc)}</time></p>
            <h1>{story.Headline}</h1>
            <p class="teaser">{summary}</p>
            <h2>Coverage, in time order</h2>
            <ol class="list coverage">

            """);
        foreach (var item in articles.Items)
        {
            var article = item.Article;
            page.Add($"<li><a class=\"title\" href=\"{Paths.Article(article.Id, article.Title)}\"{TextDirection.TitleAttributes(article)}>{article.Title}</a>");
            if (article.State != ArticleState.Translated) page.Add($"<span class=\"badge\">not translated</span>");
            if (item.DuplicateOf is not null) page.Add($"<span class=\"badge\">same agency copy</span>");
            page.Add($"""
                <div class="meta"><time datetime="{Stamps.Iso(article.PublishedUtc)}">{Stamps.Utc(article.PublishedUtc)}</time> · <a class="outlet" href="{Paths.Source(item.SourceSlug)}">{article.SourceName}</a> · <span class="language">{Stamps.LanguageName(article.Language)}</span></div>
                </li>

                """);
        }
        page.Add($"</ol>\n");
        Pager.Write(page, path, articles.Earlier, articles.Later, "Earlier", "Later");
        page.Add($"</article>");
        return shell.Finish(page);
    }

    /// <summary>"12 articles from 5 outlets in Spanish, German".</summary>
    public static string Summary(StoryFacts story) =>
        $"{Count(story.ArticleCount, "article")} from {Count(story.OutletCount, "outlet")} in {string.Join(", ", story.Languages.Select(Stamps.LanguageName))}";

    /// <summary>"3 outlets · Spanish, German" for a line that stands for a story.</summary>
    public static string Reach(StoryLine line) =>
        $"{Count(line.OutletCount, "outlet")} · {string.Join(", ", line.Languages.Select(Stamps.LanguageName))}";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
