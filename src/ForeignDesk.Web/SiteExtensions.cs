using System.IO.Compression;
using ForeignDesk.Discover.Trending;
using ForeignDesk.Web.Api;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.Look;
using ForeignDesk.Web.Metrics;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Search;
using ForeignDesk.Web.SearchEngines;
using ForeignDesk.Web.Images;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web;

/// <summary>
/// Adds the news site to an ASP.NET Core application. The caller registers <c>IArticleStore</c> and
/// <c>IPageChanges</c> (and its <c>TimeProvider</c>; the system clock otherwise).
/// </summary>
public static class SiteExtensions
{
    /// <param name="configuration">The application's settings; the <c>Site</c> section configures the site.</param>
    /// <param name="dataDirectory">Where the operator's files (the logo) are; the current directory when null.</param>
    public static IServiceCollection AddForeignDeskSite(this IServiceCollection services, IConfiguration configuration, string? dataDirectory = null)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiteShell>();
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, HeadRequests>();
        services.AddSiteLook(dataDirectory);
        services.TryAddSingleton<TrendingScorer>();
        services.TryAddSingleton<Trends24h>();

        // Read models: computed in the background, read ready-made by pages.
        services.AddSingleton<SiteListsRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteListsRefresher>());
        services.AddSingleton<StatusCountsRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusCountsRefresher>());
        services.AddSingleton<ArchiveDaysRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveDaysRefresher>());
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<ViewFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewFlusher>());

        // Readers' reports: the form's token is signed with the site's keys (kept in the data folder by the operator area).
        services.AddDataProtection();
        services.AddSingleton<ReaderReportLimits>();

        // Rendered pages, cached until what they show changes.
        services.AddOutputCache(PageCache.AddPolicies);
        PageSlabStore.Register(services, sp => sp.GetRequiredService<IOptions<SiteOptions>>().Value.PageCacheMegabytes);
        FreshPageStore.Wrap(services);
        services.AddSingleton<PageCache>();
        services.AddSingleton<SharedSearches>();
        services.AddSingleton<RenderQueue>();
        services.AddSingleton<SourcePolicies>();
        services.AddOptions<ImageOptions>().Bind(configuration.GetSection(ImageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageCache>();
        services.AddSingleton<ImageProxy>();
        services.AddSingleton<ImageChecker>();
        services.AddHostedService(sp => sp.GetRequiredService<ImageChecker>());
        services.AddSingleton<PageChangeWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PageChangeWatcher>());
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "application/json", "image/svg+xml", "text/plain",
                "application/rss+xml", "application/atom+xml", "application/feed+json", "application/xml", "application/ld+json"];
        });
        // Compressed once per cached page, so the smaller output is worth the time.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        // A search of many thousand characters gets the page's "too long" message rather than a bare 414.
        // No "Server: Kestrel": the server's name helps nobody but an attacker.
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, 64 * 1024);
            o.AddServerHeader = false;
        });

        // Behind a reverse proxy the links keep the reader's scheme and host: X-Forwarded-* are read from loopback
        // (ASP.NET Core's default) and from the configured TrustedProxies only.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in site.Value.TrustedProxies) forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddMetricsEndpoint(configuration);
        services.AddFeeds(configuration);
        services.AddSearchEngineFiles(configuration);
        services.AddForeignDeskApi(configuration);
        return services;
    }

    /// <summary>A process without the site (the worker) answers only its probes: /healthz, /readyz and /metrics when on.</summary>
    public static IServiceCollection AddProbes(this IServiceCollection services, IConfiguration configuration) =>
        services.AddMetricsEndpoint(configuration);

    /// <summary>/healthz (the process lives), /readyz (the store answers, its migrations current) and /metrics when on.</summary>
    public static WebApplication MapProbes(this WebApplication app)
    {
        app.MapGet("/healthz", Readiness.Alive);
        app.MapGet("/readyz", Readiness.ReadyAsync);
        app.MapMetricsEndpoint();
        return app;
    }

    public static WebApplication MapForeignDeskSite(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPage.WriteAsync });
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseForeignDeskApiLimits();
        var views = app.Services.GetRequiredService<ViewCounter>();
        app.Use((context, next) => ArticleViews.CountAsync(context, next, views));
        var pages = app.Services.GetRequiredService<FreshPageStore>();
        app.Use((context, next) =>
        {
            pages.Begin();
            return next(context);
        });
        if (!OutputCacheSegments.Apply())
            app.Logger.LogWarning("The output cache's buffer size could not be set; each uncached page allocates 80 KB for its copy");
        app.UseOutputCache();
        app.UseResponseCompression();
        var renderQueue = app.Services.GetRequiredService<RenderQueue>();
        app.Use((context, next) => renderQueue.InvokeAsync(context, next));

        app.MapGet("/", Home.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/article/{id:long}/{slug?}", ArticleShow.ShowAsync).CacheOutput(PageCache.ArticlePolicy);
        app.MapGet("/article/{id:long}/report/{number:int}", ReaderReportForm.ShowAsync);
        app.MapPost("/article/{id:long}/report/{number:int}", ReaderReportForm.SubmitAsync);
        app.MapGet("/story/{id:long}", StoryShow.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/date/{date}", DayArchive.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/category/{slug}", CategoryArchive.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/source/{slug}", SourceArchive.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/search", SearchPage.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/search.json", SearchJson.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/language/{code}", LanguageArchive.ShowAsync).CacheOutput(PageCache.Policy);
        app.MapFeeds();
        app.MapSearchEngineFiles();
        app.MapGet("/privacy", Privacy.Show).CacheOutput(PageCache.Policy);
        app.MapGet("/about", About.Show).CacheOutput(PageCache.Policy);
        app.MapGet("/status", StatusPage.ShowAsync);
        app.MapProbes();
        app.MapForeignDeskApi();
        app.MapGet("/image/{id:long}/{index:int}/{key}/{width:int}", ImageProxy.ShowAsync);
        app.MapGet("/favicon.svg", Favicon.Show);
        app.MapGet(StylesheetFile.Route, StylesheetFile.Show);
        app.MapSiteLook();
        app.MapFallback("{*path}", NotFound.Page);
        return app;
    }
}
