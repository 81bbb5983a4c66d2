using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Store.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>The news site on a real Kestrel port over a real SQLite file in a temp folder.</summary>
public sealed class SiteServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly string folder;

    private SiteServer(WebApplication app, string folder, IArticleStore store, FakeTimeProvider time, Uri address)
    {
        this.app = app;
        this.folder = folder;
        Store = store;
        Time = time;
        Address = address;
        Client = CatchingUpHandler.Client(app.Services, address);
    }

    public IArticleStore Store { get; }

    public FakeTimeProvider Time { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="databasePath">Where the store lives; null for a fresh, migrated file in the temp folder.</param>
    /// <param name="environment">The host environment (Development shows stack traces unless the site handles errors).</param>
    /// <param name="settings">Configuration for the site, for example <c>Site:PublicUrl</c>.</param>
    /// <param name="extra">More endpoints for a test (for example, an image the browser can load).</param>
    public static async Task<SiteServer> StartAsync(
        CancellationToken cancellationToken, string? databasePath = null, string environment = "Production",
        Action<WebApplication>? extra = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("foreigndesk-web-").FullName;
        WebApplication? app = null;
        try
        {
            var time = new FakeTimeProvider(Now);
            var store = new SqliteArticleStore(databasePath ?? Path.Combine(folder, "news.db"), time);
            if (databasePath is null) await store.MigrateAsync(cancellationToken);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Images:CacheFolder"] = Path.Combine(folder, "images") });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton<IArticleStore>(store);
            builder.Services.AddSingleton<ISearchIndex>(store);
            builder.Services.AddSingleton<ITrendSignals>(store);
            builder.Services.AddSingleton<IPageChanges>(store);
            builder.Services.AddSingleton<ISourceControlStore>(store);
            // The guarded fetcher the image copies come through, allowed to reach this machine's test servers only.
            var fetch = new FetchOptions { MinDelayPerHost = TimeSpan.Zero };
            fetch.AllowedPrivateHosts.Add("127.0.0.1");
            builder.Services.AddSingleton<IPageFetcher>(new PageFetcher(Options.Create(fetch), TimeProvider.System));
            builder.Services.AddSingleton<ITranslationReportStore>(store);
            builder.Services.AddSingleton<IArticleVersionStore>(store);
            builder.Services.AddSingleton<ISegmentOverrideStore>(store);
            builder.Services.AddSingleton<IImageCheckStore>(store);
            builder.Services.AddForeignDeskSite(builder.Configuration);
            app = builder.Build();
            extra?.Invoke(app);
            app.MapForeignDeskSite();
            await app.StartAsync(cancellationToken);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new SiteServer(app, folder, store, time, new Uri(address));
        }
        catch
        {
            // A site that does not start (a test of bad settings) leaves no process or folder behind.
            if (app is not null) await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
