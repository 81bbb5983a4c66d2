using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Store;

public static class CoordinationServiceCollectionExtensions
{
    /// <summary>
    /// What the processes sharing the embedded store's <c>foreigndesk.db</c> coordinate through it: the hosts' fetch
    /// slots (per-host politeness across processes) and the roles one process at a time holds (the story clusterer).
    /// </summary>
    public static IServiceCollection AddSqliteCoordination(this IServiceCollection services, string dataDirectory) => services
        .AddSingleton<IHostSlots>(sp => new SqliteHostSlots(StoreServiceCollectionExtensions.SqliteFile(dataDirectory), sp.GetRequiredService<TimeProvider>()))
        .AddSingleton<ILeadership>(sp => new SqliteLeadership(StoreServiceCollectionExtensions.SqliteFile(dataDirectory), sp.GetRequiredService<TimeProvider>(),
            JobQueueServiceCollectionExtensions.Options(sp).LeaseTime));
}
