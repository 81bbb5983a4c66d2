using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Store;

public static class JobQueueServiceCollectionExtensions
{
    /// <summary>The job queue in the embedded store's <c>foreigndesk.db</c>, retried by the <c>Jobs</c> settings.</summary>
    public static IServiceCollection AddSqliteJobQueue(this IServiceCollection services, string dataDirectory) =>
        services.AddSingleton<IJobQueue>(sp => new SqliteJobQueue(
            Path.Combine(dataDirectory, "foreigndesk.db"),
            sp.GetRequiredService<TimeProvider>(),
            RetryPolicy(sp)));

    /// <summary>The retry policy of the <c>Jobs</c> settings, or the defaults where none are registered.</summary>
    internal static JobRetryPolicy RetryPolicy(IServiceProvider services) => Options(services).RetryPolicy;

    /// <summary>The <c>Jobs</c> settings, or the defaults where none are registered.</summary>
    internal static JobOptions Options(IServiceProvider services) => services.GetService<IOptions<JobOptions>>()?.Value ?? new JobOptions();
}
