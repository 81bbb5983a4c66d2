using System.IO.Compression;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
        await using var hostile = await PipelineSite.ServeAsync(app =>
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
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MaxBodyBytes"] = "65536",
        }, ct);
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

        using var browser = await site.StartAsync(ct);
        var status = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/status", ct));
        Assert.Contains("Hostile Outlet", status, StringComparison.Ordinal);
        Assert.Contains("inflates to more than", status, StringComparison.Ordinal);
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
}
