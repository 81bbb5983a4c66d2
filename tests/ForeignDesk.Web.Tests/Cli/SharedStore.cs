using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// One store that several real <c>foreigndesk</c> processes share, as on a deployment: the SQLite file of a data
/// folder, or a PostgreSQL database (chosen by the environment each process gets). The test reads it back through
/// the application's own composition.
/// </summary>
internal sealed class SharedStore : IDisposable
{
    private SharedStore(IReadOnlyDictionary<string, string> environment) => Environment = environment;

    /// <summary>The data folder every process is given (on PostgreSQL, only its glossary and such live there).</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("foreigndesk-shared-").FullName;

    /// <summary>What chooses the store, as environment variables (<c>ForeignDesk__Store__…</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The SQLite file in the data folder (the default store), with <paramref name="settings"/> as environment variables.</summary>
    public static SharedStore Sqlite(params (string Name, string Value)[] settings) => new(settings.ToDictionary(s => s.Name, s => s.Value));

    /// <summary>The PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public static SharedStore Postgres(string connectionString) => new(new Dictionary<string, string>
    {
        ["ForeignDesk__Store__Provider"] = "PostgreSQL",
        ["ForeignDesk__Store__ConnectionString"] = connectionString,
    });

    /// <summary>Starts <c>foreigndesk ARGS</c> on this store (with a short job lease: see <see cref="PipelineProcess"/>).</summary>
    public PipelineProcess Start(CancellationToken ct, params string[] args) => PipelineProcess.Start(DataDirectory, Environment, ct, args);

    /// <summary>The application as a command composes it on this store, for the test to read what the processes did.</summary>
    public WebApplication Open() => AppHost.Build(new HostSettings(DataDirectory, MinimumLogLevel: LogLevel.Warning,
        Settings: Environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value)));

    /// <summary>Adds the outlet as a source with <c>sources add</c> (which creates the store's schema when new).</summary>
    public async Task AddSourceAsync(NumberedOutlet outlet, CancellationToken ct)
    {
        var added = await CliProcess.RunWithEnvironmentAsync(DataDirectory, Environment, ct,
            "sources", "add", "--name", "Le Courrier", "--feed", outlet.Feed.AbsoluteUri, "--language", "fr");
        Assert.True(added.ExitCode == 0, added.Error);
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until the outlet's published articles are all stored, translated (or set
    /// aside for an engine) and placed, and no job is queued, running or failed.
    /// </summary>
    public async Task WaitUntilAllPlacedAsync(NumberedOutlet outlet, TimeSpan limit, CancellationToken ct)
    {
        await using var app = Open();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !await AllPlacedAsync(app.Services, outlet, ct)) await Task.Delay(250, ct);
    }

    /// <summary>
    /// Every published article stored exactly once, translated (or set aside for an engine), placed in a story; no job
    /// but a poll queued, none running or failed, and any dead one with its reason.
    /// </summary>
    /// <returns>How many articles are stored.</returns>
    public async Task<int> AssertEveryArticleOnceTranslatedAndPlacedAsync(NumberedOutlet outlet, CancellationToken ct)
    {
        await using var app = Open();
        var store = app.Services.GetRequiredService<IArticleStore>();
        var stories = app.Services.GetRequiredService<IStoryStore>();
        var jobs = app.Services.GetRequiredService<IJobQueue>();
        var source = Assert.Single(await store.ListSourcesAsync(ct));
        var stored = (await store.FromSourceAsync(source.Id, null, outlet.Published + 10, ct)).Items;
        Assert.Equal(outlet.Published, stored.Count);
        Assert.Equal(outlet.Published, stored.Select(a => a.Id).Distinct().Count());
        for (var i = 1; i <= outlet.Published; i++)
        {
            var article = await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, ct);
            Assert.NotNull(article);
            Assert.NotEqual(ArticleState.Extracted, article.State);
            Assert.NotNull(await stories.StoryOfAsync(article.Id, ct));
        }
        // A poll of the outlet's endpoint may stay queued: the scheduler enqueued it, or a stopping worker gave it back,
        // just before the workers stopped. It is the scheduler's standing work, not an article's: taken out here.
        while (await jobs.LeaseAsync([JobKinds.Poll], "test", TimeSpan.FromMinutes(1), ct) is { } poll) await jobs.CompleteAsync(poll, ct);
        var counts = await jobs.CountsAsync(ct);
        Assert.Equal(new JobCounts(0, 0, 0, counts.Dead), counts);
        Assert.All(await jobs.DeadAsync(100, ct), dead => Assert.False(string.IsNullOrWhiteSpace(dead.LastError), $"dead job {dead.Kind} {dead.Key} has no reason"));
        return stored.Count;
    }

    private static async Task<bool> AllPlacedAsync(IServiceProvider services, NumberedOutlet outlet, CancellationToken ct)
    {
        var store = services.GetRequiredService<IArticleStore>();
        var counts = await services.GetRequiredService<IJobQueue>().CountsAsync(ct);
        if (counts.Queued + counts.Running + counts.Failed > 0 || await store.UntranslatedAsync(1, ct) is not []) return false;
        var source = (await store.ListSourcesAsync(ct)).Single();
        return (await store.FromSourceAsync(source.Id, null, outlet.Published + 10, ct)).Items.Count >= outlet.Published;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
