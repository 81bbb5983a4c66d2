using System.IO.Compression;
using System.Text;
using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>A source whose feed is a gzip bomb and whose sitemap is a compressed bomb, through a real pass, the store and /status.</summary>
public sealed class HostileSourceTests
{
    [Fact]
    public async Task Pass_SourceServingBombs_RecordsClearErrorsOnEndpointsAndStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        var bomb = Gzip(4 * 1024 * 1024);
        await using var hostile = await StartAsync(app =>
        {
            app.MapGet("/feed.xml", async context =>
            {
                context.Response.ContentType = "application/rss+xml";
                context.Response.Headers.ContentEncoding = "gzip";
                await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
            });
            app.MapGet("/sitemap.xml.gz", async context =>
            {
                context.Response.ContentType = "application/gzip";
                await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
            });
        }, ct);
        var data = Directory.CreateTempSubdirectory("foreigndesk-hostile-").FullName;
        var site = AppHost.Build(new HostSettings(data, Urls: "http://127.0.0.1:0", Settings: new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
            ["ForeignDesk:Fetch:MaxBodyBytes"] = "65536",
            ["ForeignDesk:Fetch:ObeyRobots"] = "false",
            ["ForeignDesk:Sources:DefaultFile"] = "",
        }, MinimumLogLevel: LogLevel.Warning));
        try
        {
            await AppHost.PrepareStoreAsync(site.Services, ct);
            var store = site.Services.GetRequiredService<IArticleStore>();
            var endpoints = site.Services.GetRequiredService<ISourceEndpointStore>();
            var baseUrl = new Uri(hostile.Urls.First());
            var source = await store.AddSourceAsync(new SourceDraft("Hostile Outlet", baseUrl, [new Uri(baseUrl, "/feed.xml")], "es", "News/World", "UTC"), ct);
            await endpoints.AddEndpointAsync(source.Id, EndpointKind.Sitemap, new Uri(baseUrl, "/sitemap.xml.gz"), ct);

            var report = await site.Services.GetRequiredService<IngestPass>().RunAsync(ct);

            Assert.Equal(2, report.FeedsFailed);
            var state = await endpoints.EndpointsAsync(source.Id, ct);
            Assert.All(state, e => Assert.Equal(1, e.ConsecutiveErrors));
            Assert.Contains("response exceeds", state.Single(e => e.Kind == EndpointKind.Feed).LastError, StringComparison.Ordinal);
            Assert.Contains("inflates to more than", state.Single(e => e.Kind == EndpointKind.Sitemap).LastError, StringComparison.Ordinal);
            Assert.All(state, e => Assert.True(e.NextPollUtc > e.LastSuccessUtc.GetValueOrDefault(), "a failing endpoint stays scheduled"));

            await site.StartAsync(ct);
            var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var browser = new HttpClient { BaseAddress = new Uri(address) };
            var status = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/status", ct));
            Assert.Contains("Hostile Outlet", status, StringComparison.Ordinal);
            Assert.Contains("inflates to more than", status, StringComparison.Ordinal);
        }
        finally
        {
            await site.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static byte[] Gzip(int zeros)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes("<urlset>"));
            gzip.Write(new byte[zeros]);
        }

        return packed.ToArray();
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        return app;
    }
}
