using ForeignDesk.Core;
using ForeignDesk.Store.Postgres;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ForeignDesk.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The providers <c>Store:Provider</c> names.</summary>
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>
    /// The store that <paramref name="configuration"/> (the <c>ForeignDesk</c> section) chooses: <c>Store:Provider</c> is
    /// <c>Sqlite</c> (the default: <c>foreigndesk.db</c> in <paramref name="dataDirectory"/>) or <c>PostgreSQL</c>, on the
    /// server that <c>Store:ConnectionString</c> names. Every store interface is registered, on one instance.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no usable connection string.</exception>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var store = configuration.GetSection("Store");
        var provider = store["Provider"];
        var policy = NewSourcePolicy.Parse(configuration[NewSourcePolicy.Setting]);
        services.AddSingleton(policy);
        if (string.IsNullOrWhiteSpace(provider) || provider.Trim().Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
            return services.AddSqliteStore(dataDirectory, policy.Policy).AddSqliteJobQueue(dataDirectory).AddSqliteCoordination(dataDirectory);
        if (!provider.Trim().Equals(PostgreSql, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"ForeignDesk__Store__Provider is '{provider}': use {Sqlite} (the default) or {PostgreSql}.");
        return services.AddPostgresStore(ConnectionString(store["ConnectionString"]), policy.Policy);
    }


    /// <summary>The embedded store's file: <c>foreigndesk.db</c> in <paramref name="dataDirectory"/>.</summary>
    public static string SqliteFile(string dataDirectory) => Path.Combine(dataDirectory, "foreigndesk.db");

    /// <summary>The embedded store: <see cref="SqliteFile"/>.</summary>
    /// <param name="defaultPolicy">The policy of a source added without one.</param>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, string dataDirectory, SourcePolicy defaultPolicy = SourcePolicy.Full) =>
        services.AddSingleton<IArticleStore>(sp =>
            new SqliteArticleStore(SqliteFile(dataDirectory), sp.GetRequiredService<TimeProvider>(), defaultPolicy))
            .AddSingleton<ITranslationMemory>(sp => new SqliteTranslationMemory(SqliteFile(dataDirectory), sp.GetRequiredService<TimeProvider>()))
            .AddSingleton(sp => (ISourceEndpointStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IStoryStore>(sp => (IStoryStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IWebSubSubscriptionStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IOperatorStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<ISourceControlStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<ISegmentOverrideStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<ITranslationReportStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IArticleVersionStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IEngineUsageStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IImageCheckStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
            .AddSingleton<IStoreFaults, SqliteStoreFaults>()
            .AddSqliteDiscovery();

    /// <summary>The search index, trend signals and category upkeep of the SQLite store registered as <c>IArticleStore</c>.</summary>
    public static IServiceCollection AddSqliteDiscovery(this IServiceCollection services) => services
        .AddSingleton<ISearchIndex>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<ITrendSignals>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<IPageChanges>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<ICategoryStore>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<IArticleFilters>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>())
        .AddSingleton<IArchiveIndex>(sp => (SqliteArticleStore)sp.GetRequiredService<IArticleStore>());

    /// <summary>The store on a PostgreSQL server: one pooled data source shared by the store and the translation memory.</summary>
    /// <param name="defaultPolicy">The policy of a source added without one.</param>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, string connectionString, SourcePolicy defaultPolicy = SourcePolicy.Full) => services
        .AddSingleton(_ => NpgsqlDataSource.Create(connectionString))
        .AddSingleton(sp => new PostgresStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(), defaultPolicy))
        .AddSingleton<IArticleStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ISourceEndpointStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IStoryStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IWebSubSubscriptionStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ITrendSignals>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IPageChanges>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ICategoryStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IArchiveIndex>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IArticleFilters>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IOperatorStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ISourceControlStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ISegmentOverrideStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<ITranslationReportStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IArticleVersionStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IEngineUsageStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IImageCheckStore>(sp => sp.GetRequiredService<PostgresStore>())
        .AddSingleton<IStoreFaults, PostgresStoreFaults>()
        .AddSingleton<ITranslationMemory>(sp =>
            new PostgresTranslationMemory(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()))
        .AddSingleton<IJobQueue>(sp => new PostgresJobQueue(sp.GetRequiredService<NpgsqlDataSource>(),
            JobQueueServiceCollectionExtensions.RetryPolicy(sp)))
        .AddSingleton<IHostSlots>(sp => new PostgresHostSlots(sp.GetRequiredService<NpgsqlDataSource>()))
        .AddSingleton<ILeadership>(sp => new PostgresLeadership(sp.GetRequiredService<NpgsqlDataSource>()));

    /// <summary>How many statements each PostgreSQL connection keeps prepared, unless the connection string says otherwise.</summary>
    internal const int AutoPrepared = 100;

    private static bool Names(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    /// <summary>The connection string, checked now so that a bad one stops the start with one clear line.</summary>
    private static string ConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException(
                $"ForeignDesk__Store__Provider is {PostgreSql} but ForeignDesk__Store__ConnectionString is not set: " +
                "give it as Host=…;Database=…;Username=…;Password=….");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new InvalidOperationException("ForeignDesk__Store__ConnectionString names no Host: give it as Host=…;Database=…;Username=…;Password=….");
            // The store runs a few dozen statements again and again (an uncached article page is three): each connection
            // prepares those it has run twice, so that the server parses and plans them once, not on every page. A
            // connection back in the pool is not reset: the store leaves no session state behind (its locks are held to
            // the end of a transaction, a role's lock on a connection of its own that unlocks it). An operator's own
            // settings of either are kept.
            if (!Names(configured, "Max Auto Prepare", "MaxAutoPrepare"))
            {
                builder.MaxAutoPrepare = AutoPrepared;
                builder.AutoPrepareMinUsages = 2;
            }
            if (!Names(configured, "No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
            return builder.ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The message names the bad keyword or value, never the password.
            throw new InvalidOperationException($"ForeignDesk__Store__ConnectionString cannot be read: {ex.Message}", ex);
        }
    }
}
