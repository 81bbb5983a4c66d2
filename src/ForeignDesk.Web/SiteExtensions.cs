using ForeignDesk.Discover.Trending;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Web;

/// <summary>Adds the news site to an ASP.NET Core application. The caller registers <c>IArticleStore</c> (and its <c>TimeProvider</c>; the system clock otherwise).</summary>
public static class SiteExtensions
{
    /// <param name="configuration">The application's settings; the <c>Site</c> section configures the site.</param>
    public static IServiceCollection AddForeignDeskSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiteShell>();
        services.TryAddSingleton<TrendingScorer>();
        services.TryAddSingleton<Trends24h>();
        // A search of many thousand characters gets the page's "too long" message rather than a bare 414.
        // No "Server: Kestrel": the server's name helps nobody but an attacker.
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, 64 * 1024);
            o.AddServerHeader = false;
        });
        return services;
    }

    public static WebApplication MapForeignDeskSite(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPage.WriteAsync });
        app.Use(SecurityHeaders.ApplyAsync);

        app.MapGet("/", Home.ShowAsync);
        app.MapGet("/article/{id:long}/{slug?}", ArticleShow.ShowAsync);
        app.MapGet("/story/{id:long}", StoryShow.ShowAsync);
        app.MapGet("/date/{date}", DayArchive.ShowAsync);
        app.MapGet("/category/{slug}", CategoryArchive.ShowAsync);
        app.MapGet("/source/{slug}", SourceArchive.ShowAsync);
        app.MapGet("/search", SearchPage.ShowAsync);
        app.MapGet("/search.json", SearchJson.ShowAsync);
        app.MapGet("/privacy", Privacy.Show);
        app.MapGet("/about", About.Show);
        app.MapGet("/status", StatusPage.ShowAsync);
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain; charset=utf-8"));
        app.MapGet("/favicon.svg", Favicon.Show);
        app.MapFallback("{*path}", NotFound.Page);
        return app;
    }
}
