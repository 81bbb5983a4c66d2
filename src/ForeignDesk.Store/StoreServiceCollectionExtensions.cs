using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The embedded store: <c>foreigndesk.db</c> in <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, string dataDirectory) =>
        services.AddSingleton<IArticleStore>(sp =>
            new SqliteArticleStore(Path.Combine(dataDirectory, "foreigndesk.db"), sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<ITranslationMemory>(sp => new SqliteTranslationMemory(Path.Combine(dataDirectory, "foreigndesk.db"), sp.GetRequiredService<TimeProvider>()))
            .AddSingleton(sp => (ISourceEndpointStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IStoryStore>(sp => (IStoryStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IWebSubSubscriptionStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IOperatorStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<ISourceControlStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<ISegmentOverrideStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<ITranslationReportStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IEngineUsageStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSqliteDiscovery();

    /// <summary>The search index, trend signals and category upkeep of the SQLite store registered as <c>IArticleStore</c>.</summary>
    public static IServiceCollection AddSqliteDiscovery(this IServiceCollection services) => services
        .AddSingleton<ISearchIndex>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<ITrendSignals>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<IPageChanges>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<ICategoryStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>());
}
