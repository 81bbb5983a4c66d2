using ForeignDesk.Web.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>The files for search engines: robots.txt, the sitemap index and its sitemaps, the Google News sitemap.</summary>
internal static class SearchEngineFiles
{
    public static IServiceCollection AddSearchEngineFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchEngineOptions>().Bind(configuration.GetSection(SearchEngineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static void MapSearchEngineFiles(this WebApplication app)
    {
        app.MapGet("/robots.txt", RobotsTxt.Show).CacheOutput(PageCache.Policy);
        app.MapGet("/sitemap.xml", Sitemaps.IndexAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/sitemaps/{file}", Sitemaps.FileAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/sitemap-news.xml", NewsSitemap.ShowAsync).CacheOutput(PageCache.Policy);
    }
}
