using ForeignDesk.Discover.Categories;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli;

/// <summary>Category mapping and classification: the section table is <c>categories.tsv</c> in the data folder.</summary>
internal static class CategoryServices
{
    public static IServiceCollection AddCategories(this IServiceCollection services, string dataDirectory) => services
        .AddSingleton(new SectionMap(Path.Combine(dataDirectory, SectionMap.FileName)))
        .AddSingleton<CategoryMapper>()
        .AddSingleton<CategoryModel>()
        .AddSingleton<ArticleCategorizer>()
        .AddSingleton<CategoryReclassifier>();
}
