using ForeignDesk.Core;
using ForeignDesk.Store.Postgres;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests;

/// <summary>Which store <c>AddStore</c> registers for <c>ForeignDesk__Store__Provider</c>, and its answers to bad settings.</summary>
public sealed class StoreSelectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sqlite")]
    [InlineData(" Sqlite ")]
    public void AddStore_NoProviderOrSqlite_IsTheSqliteFile(string? provider)
    {
        using var services = Build(new() { ["Store:Provider"] = provider });

        Assert.IsType<SqliteArticleStore>(services.GetRequiredService<IArticleStore>());
        Assert.IsType<SqliteTranslationMemory>(services.GetRequiredService<ITranslationMemory>());
    }

    [Fact]
    public void AddStore_PostgreSql_RegistersEveryInterfaceOnOneStore()
    {
        using var services = Build(new() { ["Store:Provider"] = "postgresql", ["Store:ConnectionString"] = "Host=127.0.0.1;Database=news;Username=desk;Password=x" });

        var store = Assert.IsType<PostgresStore>(services.GetRequiredService<IArticleStore>());
        Assert.Same(store, services.GetRequiredService<ISourceEndpointStore>());
        Assert.Same(store, services.GetRequiredService<IStoryStore>());
        Assert.Same(store, services.GetRequiredService<ISearchIndex>());
        Assert.Same(store, services.GetRequiredService<ITrendSignals>());
        Assert.Same(store, services.GetRequiredService<IPageChanges>());
        Assert.Same(store, services.GetRequiredService<ICategoryStore>());
        Assert.Same(store, services.GetRequiredService<IWebSubSubscriptionStore>());
        Assert.IsType<PostgresTranslationMemory>(services.GetRequiredService<ITranslationMemory>());
    }

    [Theory]
    [InlineData("", 100, true)]
    [InlineData(";Max Auto Prepare=0", 0, true)]
    [InlineData(";MaxAutoPrepare=20;No Reset On Close=false", 20, false)]
    public void AddStore_PostgreSql_PreparesStatementsAndSkipsResetsUnlessTold(string given, int prepared, bool noReset)
    {
        using var services = Build(new() { ["Store:Provider"] = "PostgreSQL", ["Store:ConnectionString"] = "Host=127.0.0.1;Database=news" + given });

        var settings = new Npgsql.NpgsqlConnectionStringBuilder(services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString);
        Assert.Equal(prepared, settings.MaxAutoPrepare);
        Assert.Equal(noReset, settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("MySQL", null, "ForeignDesk__Store__Provider is 'MySQL': use Sqlite (the default) or PostgreSQL.")]
    [InlineData("PostgreSQL", null, "ForeignDesk__Store__ConnectionString is not set")]
    [InlineData("PostgreSQL", "  ", "ForeignDesk__Store__ConnectionString is not set")]
    [InlineData("PostgreSQL", "Hots=db;Password=secret", "ForeignDesk__Store__ConnectionString cannot be read")]
    [InlineData("PostgreSQL", "Database=news", "names no Host")]
    public void AddStore_BadSettings_SayWhatToSet(string provider, string? connectionString, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Build(new() { ["Store:Provider"] = provider, ["Store:ConnectionString"] = connectionString }));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath())
            .BuildServiceProvider();
}
