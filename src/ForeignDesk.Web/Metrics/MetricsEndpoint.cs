using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ForeignDesk.Web.Metrics;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint, when <see cref="MetricsOptions.Enabled"/>: ForeignDesk's
/// own meters (fetch, extract, translate, source errors, engines, store connections), ASP.NET Core's request durations by
/// route and the .NET runtime's (garbage collections and their pauses, bytes allocated, the thread pool's threads and queue).
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>Every meter whose name starts with this; each area names its own (for example <c>ForeignDesk.Ingest</c>).</summary>
    private const string OwnMeters = "ForeignDesk.*";

    /// <summary>ASP.NET Core's <c>http.server.request.duration</c>, tagged with the page's route: the page latencies.</summary>
    private const string RequestMeter = "Microsoft.AspNetCore.Hosting";

    /// <summary>The runtime's own: <c>dotnet.gc.collections</c>, <c>dotnet.gc.pause.time</c>, <c>dotnet.gc.heap.total_allocated</c>,
    /// <c>dotnet.thread_pool.queue.length</c> and more, read when scraped.</summary>
    private const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MetricsOptions.Section);
        services.AddOptions<MetricsOptions>().Bind(section);
        if (!section.GetValue<bool>(nameof(MetricsOptions.Enabled))) return services;
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("foreigndesk")).WithMetrics(metrics => metrics
            .AddMeter(OwnMeters, RequestMeter, RuntimeMeter)
            // Each scrape reads the current figures: a scraper polls every few seconds at most.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled) app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
