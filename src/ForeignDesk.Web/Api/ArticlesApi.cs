using System.ComponentModel;
using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Images;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Api;

/// <summary><c>/api/v1/articles</c>: the articles, filtered, newest first; and one article.</summary>
internal static class ArticlesApi
{
    /// <remarks>
    /// The query parameters are named here for the OpenAPI document; <see cref="ApiQuery"/> reads them from the request,
    /// strictly (each at most once), so that every value that cannot be used is named in the 400 answer.
    /// </remarks>
    public static async Task<IResult> ListAsync(
        HttpRequest request, IArticleStore store, SiteListsRefresher lists,
        [FromQuery, Description("Original language, an ISO 639 code (es, de, ...).")] string? lang,
        [FromQuery, Description("An outlet's slug (see /api/v1/sources).")] string? source,
        [FromQuery, Description("A category's name or slug (see /api/v1/categories).")] string? category,
        [FromQuery, Description("Published on or after this day (yyyy-MM-dd, UTC).")] string? from,
        [FromQuery, Description("Published on or before this day (yyyy-MM-dd, UTC).")] string? to,
        [FromQuery, Description("Articles per page, 1 to 100 (default 20).")] string? limit,
        [FromQuery, Description("The nextCursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        if (Filters(request, store) is not { } filters)
            return ApiProblems.NotFound("This store keeps no filtered lists.");
        var query = new ApiQuery(request);
        var categories = CategoryTaxonomy.All.Union((await lists.CurrentAsync(cancellationToken)).Categories).ToList();
        var outlet = await query.SourceAsync(store, cancellationToken);
        var (fromUtc, toUtc) = query.Dates();
        var filter = new ArticleFilter(query.Language(), outlet?.Id, query.Category(categories), fromUtc, toUtc);
        var pageSize = query.Limit();
        var list = $"articles|{filter.Language}|{filter.SourceId}|{filter.Category}|{Stamp(fromUtc)}|{Stamp(toUtc)}";
        var position = query.Cursor(list);
        PageCursor? after = null;
        if (position is not null && (after = PageCursor.Parse(position, newer: false)) is null)
            query.Errors["cursor"] = ["This cursor cannot be read. Start again without one."];
        if (query.Errors.Count > 0) return ApiProblems.BadParameters(query.Errors);

        PageCache.Tag(request.HttpContext, PageTags.Lists);
        if (outlet is not null) PageCache.Tag(request.HttpContext, PageTags.Source(outlet.Id));
        if (filter.Category is not null) PageCache.Tag(request.HttpContext, PageTags.Category(filter.Category));
        var page = await filters.FilteredAsync(filter, after, pageSize, cancellationToken);
        var next = page.Older is { } older ? ApiCursor.Encode(list, older.Key) : null;
        return ApiJson.Of(new ArticleLinePage(page.Items.Select(ArticleLine.Of).ToList(), next,
            next is null ? null : ApiPaths.WithCursor(request, next)));
    }

    public static async Task<IResult> ShowAsync(
        long id, HttpRequest request, IArticleStore store, SourcePolicies policies, CancellationToken cancellationToken,
        [FromServices] ISourceControlStore? controls = null, [FromServices] ImageChecker? imageChecker = null)
    {
        PageCache.Tag(request.HttpContext, PageTags.Article(id));
        var article = await store.GetArticleAsync(id, cancellationToken);
        if (article is null)
        {
            return controls is not null && await controls.WithdrawnArticleAsync(id, cancellationToken) is { } withdrawn
                ? ApiProblems.Gone($"Article {id} was withdrawn with its source ({withdrawn.SourceName}) on {Stamps.Utc(withdrawn.WithdrawnUtc)}.")
                : ApiProblems.NotFound($"There is no article {id}.");
        }
        PageCache.Tag(request.HttpContext, PageTags.Policy(article.SourceId));
        var rules = await policies.ForAsync(article, cancellationToken);
        var stories = StoryShow.Stories(request, store);
        var storyId = stories is null ? null : await stories.StoryOfAsync(id, cancellationToken);
        if (storyId is { } story) PageCache.Tag(request.HttpContext, PageTags.Story(story));

        var original = article.Original;
        var translation = rules.Translation ? article.Translation : null;
        var leadImage = rules.Body && imageChecker is not null ? ArticleFigures.LeadPath(article, await imageChecker.ImagesOfAsync(article, cancellationToken)) : null;
        // What the policy holds back is left out: the body unless it is allowed, the teasers unless a snippet is.
        IReadOnlyList<Paragraph> Body(IReadOnlyList<Paragraph> paragraphs) => rules.Body ? paragraphs : [];
        string? Snippet(string? teaser) => rules.Snippet ? teaser : null;
        if (rules.RobotsHeader is { } robots) request.HttpContext.Response.Headers["X-Robots-Tag"] = robots;
        return ApiJson.Of(new ArticleDetail(
            article.Id, translation?.Title ?? original.Title, article.Language, article.Category, article.PublishedUtc, StateName(article.State),
            Paths.Article(article.Id, article.DisplayTitle),
            translation is null ? null : new TranslationBody(translation.Title, Snippet(translation.Teaser), ParagraphBody.Of(Body(translation.Paragraphs)),
                rules.Body ? translation.ImageCaption : null, translation.Engine, translation.Route, translation.UnknownWordShare),
            new OriginalBody(original.Title, article.Language, Snippet(original.Teaser), original.Byline, ParagraphBody.Of(Body(original.Paragraphs)),
                leadImage is not null ? new ImageBody(leadImage, original.Image!.Caption, original.Image.Credit) : null,
                original.TeaserOnly),
            new Provenance(article.Url, article.SourceName, article.SourceSlug, ApiPaths.Source(article.SourceSlug), article.PublishedUtc,
                article.PublishedEstimated, article.ModifiedUtc, article.FirstSeenUtc, article.UpdatedUtc, translation?.Engine,
                translation?.EngineVersion, translation?.Route, translation?.TranslatedUtc, article.ContentHash),
            storyId, storyId is { } s ? ApiPaths.Story(s) : null, rules.Reason));
    }

    /// <summary>The filtered lists: the registered ones, else the article store when it also keeps them.</summary>
    private static IArticleFilters? Filters(HttpRequest request, IArticleStore store) =>
        request.HttpContext.RequestServices.GetService<IArticleFilters>() ?? store as IArticleFilters;

    internal static string StateName(ArticleState state) => state switch
    {
        ArticleState.Translated => "translated",
        ArticleState.AwaitingEngine => "awaitingEngine",
        _ => "extracted",
    };

    private static string Stamp(DateTimeOffset? instant) =>
        instant?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "";
}
