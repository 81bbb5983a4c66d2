using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>
/// Outlets on a local server, ForeignDesk following them with a temporary SQLite file and the real Apertium,
/// its site listening on 127.0.0.1, after one pipeline pass.
/// </summary>
public sealed class PipelineWorld : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-e2e-").FullName;
    private WebApplication _site = null!;

    internal OutletServer Outlets { get; private set; } = null!;
    public HttpClient Browser { get; private set; } = null!;
    public IArticleStore Store => _site.Services.GetRequiredService<IArticleStore>();
    public IngestReport FirstPass { get; private set; } = null!;
    public Source Spanish { get; private set; } = null!;
    public Source French { get; private set; } = null!;
    public Source Lined { get; private set; } = null!;
    public Source Broken { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Outlets = await OutletServer.StartAsync(ct);
        OutletWorld.Publish(Outlets);

        _site = await BuildSiteAsync(_data, ct);
        Spanish = await Store.AddSourceAsync(new SourceDraft(OutletPages.SpanishOutlet, Outlets.Url("es/"),
            [Outlets.Url("es/rss.xml")], "es", "News/Politics", "Europe/Madrid"), ct);
        French = await Store.AddSourceAsync(new SourceDraft(OutletPages.FrenchOutlet, Outlets.Url("fr/"),
            [Outlets.Url("fr/rss.xml")], null, "News/World", "Europe/Paris"), ct);
        Lined = await Store.AddSourceAsync(new SourceDraft(OutletPages.LinedOutlet, Outlets.Url("gaceta/"),
            [Outlets.Url("gaceta/rss.xml")], null, "News/World", "Europe/Madrid"), ct);
        Broken = await Store.AddSourceAsync(new SourceDraft("Diario Roto", new Uri("http://127.0.0.1:1/"),
            [new Uri("http://127.0.0.1:1/feed.xml"), Outlets.Url("rota/feed.xml")], "es", "News/World", "Europe/Madrid"), ct);

        FirstPass = await RunPassAsync(ct);

        Browser = await StartSiteAsync(_site, ct);
    }

    /// <summary>A site over a new data folder that follows outlets on 127.0.0.1, with no default sources.</summary>
    /// <param name="extra">More settings (for example <c>ForeignDesk:Metrics:Enabled</c>).</param>
    internal static async Task<WebApplication> BuildSiteAsync(string data, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
            ["ForeignDesk:Fetch:Timeout"] = "00:00:10",
            ["ForeignDesk:Sources:DefaultFile"] = "",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var site = AppHost.Build(new HostSettings(data, Urls: "http://127.0.0.1:0", Settings: settings));
        await AppHost.PrepareStoreAsync(site.Services, cancellationToken);
        return site;
    }

    /// <summary>Starts the site and gives a client of it.</summary>
    internal static async Task<HttpClient> StartSiteAsync(WebApplication site, CancellationToken cancellationToken)
    {
        await site.StartAsync(cancellationToken);
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Pages.CatchingUpHandler.Client(site.Services, new Uri(address));
    }

    public Task<IngestReport> RunPassAsync(CancellationToken cancellationToken) =>
        _site.Services.GetRequiredService<IngestPass>().RunAsync(cancellationToken);

    internal Task<StoredArticle> ArticleAsync(OutletArticle article, CancellationToken cancellationToken) =>
        ArticleAsync(article.Path, cancellationToken);

    internal Task<StoredArticle> ArticleAsync(LinedArticle article, CancellationToken cancellationToken) =>
        ArticleAsync(article.Path, cancellationToken);

    private async Task<StoredArticle> ArticleAsync(string path, CancellationToken cancellationToken) =>
        await Store.FindByUrlAsync(Outlets.Url(path).AbsoluteUri, cancellationToken)
            ?? throw new Xunit.Sdk.XunitException($"{path} was not stored");

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        await _site.DisposeAsync();
        await Outlets.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
