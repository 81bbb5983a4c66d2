using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ForeignDesk.Ingest.Telemetry;

namespace ForeignDesk.Ingest.Fetch;

public static class FetchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPageFetcher"/> as one shared <see cref="PageFetcher"/> bound to the <c>Fetch</c> section of
    /// <paramref name="configuration"/>, each fetch timed by <see cref="IngestMetrics"/>.
    /// </summary>
    public static IServiceCollection AddPageFetcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<PageFetcher>();
        services.TryAddSingleton<IPageFetcher>(sp => new MeasuredPageFetcher(sp.GetRequiredService<PageFetcher>(), sp.GetRequiredService<IngestMetrics>()));
        return services;
    }
}
