using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Discover.Trending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Discover;

public static class DiscoverServiceCollectionExtensions
{
    /// <summary>
    /// Categories (the section table is <c>categories.tsv</c> in <paramref name="dataDirectory"/>), story placement and
    /// trends, over the <c>IStoryStore</c> and <c>ICategoryStore</c> the store registers.
    /// </summary>
    public static IServiceCollection AddDiscover(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(new SectionMap(Path.Combine(dataDirectory, SectionMap.FileName)))
            .AddSingleton<CategoryMapper>()
            .AddSingleton<ICategoryMapping>(sp => sp.GetRequiredService<CategoryMapper>())
            .AddSingleton<CategoryModel>()
            .AddSingleton<ArticleCategorizer>()
            .AddSingleton<CategoryReclassifier>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StoryClusterer(sp.GetRequiredService<IStoryStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StoryPlacementStage>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<StoryPlacementStage>());
        services.TryAddSingleton<TrendingScorer>();
        services.TryAddSingleton<Trends24h>();
        return services;
    }
}
