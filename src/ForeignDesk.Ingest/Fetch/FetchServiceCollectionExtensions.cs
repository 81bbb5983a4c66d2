using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Ingest.Fetch;

public static class FetchServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPageFetcher"/> as one shared <see cref="PageFetcher"/> bound to the <c>Fetch</c> section.</summary>
    public static IServiceCollection AddPageFetcher(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPageFetcher, PageFetcher>();
        return services;
    }
}
