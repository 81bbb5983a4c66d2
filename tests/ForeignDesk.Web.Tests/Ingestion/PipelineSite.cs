using ForeignDesk.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>ForeignDesk as the program composes it, over a temporary data folder, plus a local server to poll.</summary>
internal sealed class PipelineSite : IAsyncDisposable
{
    private readonly string _data;
    private readonly WebApplication _site;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private PipelineSite(string data, WebApplication site, IReadOnlyDictionary<string, string?> settings) =>
        (_data, _site, _settings) = (data, site, settings);

    public IServiceProvider Services => _site.Services;

    /// <summary>The SQLite file of the store.</summary>
    public string DatabasePath => Path.Combine(_data, "foreigndesk.db");

    /// <param name="settings">Settings over the test defaults (no default sources, no per-host delay, robots ignored).</param>
    /// <param name="time">The clock of every part; the system's when null.</param>
    public static async Task<PipelineSite> CreateAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken ct, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
            ["ForeignDesk:Fetch:ObeyRobots"] = "false",
            ["ForeignDesk:Sources:DefaultFile"] = "",
        };
        foreach (var (key, value) in settings) all[key] = value;
        var data = Directory.CreateTempSubdirectory("foreigndesk-ingestion-").FullName;
        var site = AppHost.Build(new HostSettings(data, Urls: "http://127.0.0.1:0", Settings: all, MinimumLogLevel: LogLevel.Warning, Time: time));
        await AppHost.PrepareStoreAsync(site.Services, ct);
        return new PipelineSite(data, site, all);
    }

    /// <summary>
    /// Another process over the same data folder and settings, as after a restart: the worker role, not started (a test
    /// runs its jobs through its <c>JobRunner</c>).
    /// </summary>
    public WebApplication Worker() =>
        AppHost.Build(new HostSettings(_data, Settings: _settings, MinimumLogLevel: LogLevel.Warning, ServeSite: false));

    /// <summary>Starts the site and returns a client for it.</summary>
    public async Task<HttpClient> StartAsync(CancellationToken ct)
    {
        await _site.StartAsync(ct);
        var address = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Pages.CatchingUpHandler.Client(_site.Services, new Uri(address));
    }

    /// <summary>Stops the site, as a process that ends; its data folder stays until disposed.</summary>
    public Task StopAsync(CancellationToken ct) => _site.StopAsync(ct);

    /// <summary>A local server on 127.0.0.1 with the routes <paramref name="map"/> gives it.</summary>
    public static async Task<WebApplication> ServeAsync(Action<WebApplication> map, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
