using ForeignDesk.Web.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Api;

/// <summary>The read-only JSON API under <c>/api/v1/</c>, its OpenAPI document and its reference page.</summary>
internal static class ApiExtensions
{
    public const string DocumentPath = "/openapi.json";

    public static IServiceCollection AddForeignDeskApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>(ApiRateLimits.Configure);
        services.AddOpenApi(ApiDocument.Configure);
        return services;
    }

    /// <summary>Rate limits: before the page cache, so that cached answers count too.</summary>
    public static WebApplication UseForeignDeskApiLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapForeignDeskApi(this WebApplication app)
    {
        var api = app.MapGroup(ApiPaths.Root).RequireRateLimiting(ApiRateLimits.Policy).WithTags("ForeignDesk");
        api.MapGet("/articles", ArticlesApi.ListAsync).CacheOutput(PageCache.Policy)
            .Describe<ArticleLinePage>("listArticles", "Articles, newest first, filtered by language, source, category and days.", badRequest: true);
        api.MapGet("/articles/{id:long}", ArticlesApi.ShowAsync).CacheOutput(PageCache.Policy)
            .Describe<ArticleDetail>("getArticle", "One article: its translation, original and provenance, as its source's policy allows.", notFound: true)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/search", SearchApi.SearchAsync).CacheOutput(PageCache.Policy)
            .Describe<SearchResultPage>("search", "Full-text search over the translations and the originals.", badRequest: true);
        api.MapGet("/stories", StoriesApi.ListAsync)
            .Describe<StoryLineList>("listStories", "The latest stories, one line per story (the 30 newest).");
        api.MapGet("/stories/{id:long}", StoriesApi.ShowAsync).CacheOutput(PageCache.Policy)
            .Describe<StoryBody>("getStory", "A story and its articles, in time order.", badRequest: true, notFound: true)
            .Produces(StatusCodes.Status301MovedPermanently);
        api.MapGet("/sources", SourcesApi.ListAsync)
            .Describe<SourceList>("listSources", "The outlets followed, with their article counts.");
        api.MapGet("/sources/{slug}", SourcesApi.ShowAsync)
            .Describe<SourceBody>("getSource", "One outlet.", notFound: true)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/categories", ListsApi.CategoriesAsync)
            .Describe<CategoryList>("listCategories", "The categories.");
        api.MapGet("/trends", ListsApi.TrendsAsync)
            .Describe<TrendList>("listTrends", "Trends 24h: the most read articles of the last 24 hours.");
        app.MapGet(ApiProblems.Prefix + "/{**rest}", ApiProblems.NoEndpoint).RequireRateLimiting(ApiRateLimits.Policy).ExcludeFromDescription();
        app.MapOpenApi(DocumentPath);
        ApiReference.Map(app);
        return app;
    }

    /// <summary>The operation's name, summary and answers, for the OpenAPI document.</summary>
    private static RouteHandlerBuilder Describe<T>(this RouteHandlerBuilder endpoint, string name, string summary, bool badRequest = false, bool notFound = false)
    {
        endpoint.WithName(name).WithSummary(summary)
            .Produces<T>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (badRequest) endpoint.ProducesValidationProblem();
        if (notFound) endpoint.ProducesProblem(StatusCodes.Status404NotFound);
        return endpoint;
    }
}
