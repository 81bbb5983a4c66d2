using System.Net;
using System.Net.Sockets;
using ForeignDesk.Cli;
using ForeignDesk.Ingest.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>
/// ForeignDesk with a public URL on a fixed loopback port over one data folder, so that a test can stop it and start a
/// new host on the same SQLite file and the same callback URL the hub knows.
/// </summary>
internal sealed class WebSubSite : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-websub-").FullName;

    public string Url { get; } = $"http://127.0.0.1:{FreePort()}";

    public WebApplication App => Current ?? throw new InvalidOperationException("the site is not started");

    public IServiceProvider Services => App.Services;

    private WebApplication? Current { get; set; }

    /// <summary>Builds and starts a host over the data folder (stopping the one before, if any).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await StopAsync();
        var app = AppHost.Build(new HostSettings(_data, Urls: Url, Settings: new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
            ["ForeignDesk:Sources:DefaultFile"] = "",
            ["ForeignDesk:Site:PublicUrl"] = Url,
            ["ForeignDesk:WebSub:LeaseSeconds"] = "3600",
        }));
        await AppHost.PrepareStoreAsync(app.Services, ct);
        await app.StartAsync(ct);
        Current = app;
    }

    /// <summary>Stops and disposes the host; the data folder stays.</summary>
    public async Task StopAsync()
    {
        if (Current is null) return;
        await Current.DisposeAsync();
        Current = null;
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The push worker, not started: tests run each pushed feed through it themselves.</summary>
    public WebSubWorker Worker() => ActivatorUtilities.CreateInstance<WebSubWorker>(Services);

    public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

    /// <summary>An RSS feed naming <paramref name="hub"/> (when given) and itself, with one item or none.</summary>
    public static string Feed(Uri outlet, Uri? hub, Uri self, (string Title, Uri Link)? item) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Voz</title><link>{outlet}</link>
        {(hub is null ? "" : $"<atom:link rel=\"hub\" href=\"{hub}\"/>")}<atom:link rel="self" href="{self}"/>
        {(item is { } i ? $"<item><title>{i.Title}</title><link>{i.Link}</link></item>" : "")}
        </channel></rss>
        """;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_data, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
