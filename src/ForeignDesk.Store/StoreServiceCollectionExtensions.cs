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
            .AddSingleton<IStoryStore>(sp => (IStoryStore)sp.GetRequiredService<IArticleStore>());
}
