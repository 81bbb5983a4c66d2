using System.ComponentModel;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.ReadModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ForeignDesk.Web.Api;

/// <summary>A story in the list of the latest: its newest article and, when it has company, the story.</summary>
/// <param name="StoryId">Null when the article stands alone.</param>
internal sealed record StoryLineBody(long? StoryId, string? Headline, int ArticleCount, int OutletCount, IReadOnlyList<string> Languages,
    ArticleLine Lead, string? ApiUrl);

internal sealed record StoryLineList(IReadOnlyList<StoryLineBody> Items, DateTimeOffset ComputedUtc);

/// <summary>An article of a story, with its outlet and whether it copies another (an agency text republished).</summary>
internal sealed record StoryArticleLine(ArticleLine Article, string SourceSlug, long? DuplicateOf);

/// <summary>A story with one page of its articles, in time order (oldest first).</summary>
internal sealed record StoryBody(long Id, string Headline, DateTimeOffset FirstSeenUtc, DateTimeOffset LastSeenUtc, int ArticleCount,
    int OutletCount, IReadOnlyList<string> Languages, string Url, IReadOnlyList<StoryArticleLine> Articles, string? NextCursor, string? Next);

/// <summary><c>/api/v1/stories</c>: the latest stories, and one story with its coverage.</summary>
internal static class StoriesApi
{
    public static async Task<IResult> ListAsync(HttpRequest request, IArticleStore store, SiteListsRefresher siteLists, CancellationToken cancellationToken)
    {
        var lists = await siteLists.CurrentAsync(cancellationToken);
        var lines = lists.LatestStories ?? lists.Latest.Select(a => new StoryLine(a, null, null, 1, 1, [a.Language])).ToList();
        return ApiJson.Of(new StoryLineList(lines.Select(l => new StoryLineBody(l.StoryId, l.Headline, l.ArticleCount, l.OutletCount, l.Languages,
            ArticleLine.Of(l.Lead), l.StoryId is { } id ? ApiPaths.Story(id) : null)).ToList(), lists.ComputedUtc));
    }

    /// <remarks>The query parameters are named for the OpenAPI document; <see cref="ApiQuery"/> reads them.</remarks>
    public static async Task<IResult> ShowAsync(
        long id, HttpRequest request, IArticleStore store,
        [FromQuery, Description("Articles per page, 1 to 100 (default 20).")] string? limit,
        [FromQuery, Description("The nextCursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        if (StoryShow.Stories(request, store) is not { } stories) return ApiProblems.NotFound("This site keeps no stories.");
        var query = new ApiQuery(request);
        var pageSize = query.Limit();
        var list = $"story|{id}";
        PageCursor? after = null;
        if (query.Cursor(list) is { } position && (after = PageCursor.Parse(position, newer: true)) is null)
            query.Errors["cursor"] = ["This cursor cannot be read. Start again without one."];
        if (query.Errors.Count > 0) return ApiProblems.BadParameters(query.Errors);

        PageCache.Tag(request.HttpContext, PageTags.Story(id));
        var story = await stories.StoryFactsAsync(id, cancellationToken);
        if (story is null)
        {
            // A story merged into an older one keeps its address: it points to the story that holds its articles.
            return await stories.SurvivorOfAsync(id, cancellationToken) is { } survivor
                ? Results.Redirect(ApiPaths.Story(survivor), permanent: true)
                : ApiProblems.NotFound($"There is no story {id}.");
        }
        var articles = await stories.StoryArticlesAsync(id, after, pageSize, cancellationToken);
        var next = articles.Later is { } later ? ApiCursor.Encode(list, later.Key) : null;
        return ApiJson.Of(new StoryBody(story.Id, story.Headline, story.FirstSeenUtc, story.LastSeenUtc, story.ArticleCount, story.OutletCount,
            story.Languages, StoryShow.PathOf(story.Id),
            articles.Items.Select(a => new StoryArticleLine(ArticleLine.Of(a.Article), a.SourceSlug, a.DuplicateOf)).ToList(),
            next, next is null ? null : ApiPaths.WithCursor(request, next)));
    }
}
