using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Ingest.Fetch;

public static class FetchServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPageFetcher"/> as one shared <see cref="PageFetcher"/> bound to the <c>Fetch</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddPageFetcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPageFetcher, PageFetcher>();
        return services;
    }
}
