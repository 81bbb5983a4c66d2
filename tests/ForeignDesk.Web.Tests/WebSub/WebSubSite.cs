using System.Net;
using System.Net.Sockets;
using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>
/// ForeignDesk with a public URL on a fixed loopback port over one data folder, so that a test can stop it and start a
/// new host on the same SQLite file and the same callback URL the hub knows.
/// </summary>
/// <param name="time">The clock every part of the site reads; the system's unless given.</param>
internal sealed class WebSubSite(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null) : IAsyncDisposable
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
        var merged = new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
            ["ForeignDesk:Sources:DefaultFile"] = "",
            ["ForeignDesk:Site:PublicUrl"] = Url,
            ["ForeignDesk:WebSub:LeaseSeconds"] = "3600",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        var app = AppHost.Build(new HostSettings(_data, Urls: Url, Settings: merged, Time: time));
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

    /// <summary>Adds a source on <paramref name="outlet"/> reading <paramref name="feedUrl"/>.</summary>
    public Task<Source> AddSourceAsync(OutletServer outlet, Uri feedUrl, CancellationToken ct, string name = OutletPages.SpanishOutlet, string section = "es/", string language = "es") =>
        Services.GetRequiredService<IArticleStore>()
            .AddSourceAsync(new SourceDraft(name, outlet.Url(section), [feedUrl], language, "News/World", "Europe/Madrid"), ct);

    /// <summary>One pass over every source: each feed that names a hub gets subscribed, kept, moved or dropped.</summary>
    public Task<IngestReport> PollAsync(CancellationToken ct) => Services.GetRequiredService<IngestPass>().RunAsync(ct);

    /// <summary>Serves at <paramref name="path"/> a feed with no item, naming <paramref name="hub"/> and itself; returns its URL.</summary>
    public static Uri ServeFeed(OutletServer outlet, Uri? hub, string path = "es/rss.xml")
    {
        var url = outlet.Url(path);
        outlet.Serve(path, "application/rss+xml", Feed(outlet.BaseUrl, hub, url, item: null));
        return url;
    }

    /// <summary>The data folder the site's SQLite store is in (for a worker process on the same store).</summary>
    public string DataDirectory => _data;

    /// <summary>How many push jobs wait in the store's queue.</summary>
    public async Task<long> QueuedJobsAsync(CancellationToken ct) => (await Services.GetRequiredService<IJobQueue>().CountsAsync(ct)).Queued;

    /// <summary>Runs every due job (pushes, fetches, translations, placements) here, as a worker would, to its end.</summary>
    public async Task<IngestReport> RunJobsAsync(CancellationToken ct)
    {
        var report = new IngestReport();
        using (IngestReport.Collect(report)) await Services.GetRequiredService<Ingest.Jobs.JobRunner>().RunUntilIdleAsync(ct);
        return report;
    }

    /// <summary>A subscriber over this site's store and hubs whose leases run on <paramref name="clock"/> (from its reading now).</summary>
    public WebSubSubscriber SubscriberAt(TimeProvider clock) => new(
        Services.GetRequiredService<IHttpClientFactory>(),
        Services.GetRequiredService<IWebSubSubscriptionStore>(),
        Services.GetRequiredService<ISourceEndpointStore>(),
        Services.GetRequiredService<IOptions<WebSubOptions>>(),
        new LeaseClock(clock),
        NullLogger<WebSubSubscriber>.Instance);

    public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

    /// <summary>Posts <paramref name="body"/> to a callback as a hub's content distribution does; the site must answer 202.</summary>
    public static async Task PushAsync(HttpClient client, string id, byte[] body, string signature, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/rss+xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/websub/{id}") { Content = content };
        request.Headers.Add("X-Hub-Signature-256", signature);
        using var response = await client.SendAsync(request, ct);
        Xunit.Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

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
