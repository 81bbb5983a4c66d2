using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>
/// A source whose endpoints trickle, redirect into a private network or serve broken bytes, polled by the real pipeline
/// with private networks refused except the hostile server itself: clear errors, failing endpoints on /status.
/// </summary>
public sealed class HostileEndpointsTests
{
    [Fact]
    public async Task Pass_HostileEndpoints_RecordsErrorsAndMarksFailingOnStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hostile = await PipelineSite.ServeAsync(app =>
        {
            app.MapGet("/trickle.xml", async context =>
            {
                try
                {
                    while (!context.RequestAborted.IsCancellationRequested)
                    {
                        await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                        await context.Response.Body.FlushAsync(context.RequestAborted);
                        await Task.Delay(200, context.RequestAborted);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    // The client gave up, as it should.
                }
            });
            app.MapGet("/moved.xml", (HttpContext context) => context.Response.Redirect("http://10.0.0.1/feed.xml"));
            app.MapGet("/broken.xml", async context =>
            {
                context.Response.ContentType = "application/rss+xml; charset=utf-8";
                var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Diario</title><item><title>Malo ");
                var tail = Encoding.UTF8.GetBytes("</title><link>/gone/a-1.html</link></item></channel></rss>");
                await context.Response.Body.WriteAsync(head.Concat(new byte[] { 0xFF, 0xC3, 0x28 }).Concat(tail).ToArray(), context.RequestAborted);
            });
        }, ct);
        var baseUrl = new Uri(hostile.Urls.First());
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "false",
            ["ForeignDesk:Fetch:AllowedPrivateHosts:0"] = $"127.0.0.1:{baseUrl.Port}",
            ["ForeignDesk:Fetch:Timeout"] = "00:00:01",
            ["ForeignDesk:Pipeline:FailingAfterErrors"] = "2",
        }, ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var endpoints = site.Services.GetRequiredService<ISourceEndpointStore>();
        var feeds = new[] { "/trickle.xml", "/moved.xml", "/broken.xml" }.Select(p => new Uri(baseUrl, p)).ToArray();
        var source = await store.AddSourceAsync(new SourceDraft("Hostile Outlet", baseUrl, feeds, "es", "News/World", "UTC"), ct);
        var pass = site.Services.GetRequiredService<IngestPass>();

        await pass.RunAsync(ct);
        var second = await pass.RunAsync(ct);

        Assert.Equal(2, second.FeedsFailed);
        var state = (await endpoints.EndpointsAsync(source.Id, ct)).ToDictionary(e => e.Url.AbsolutePath);
        Assert.Equal("timed out after 1 s", state["/trickle.xml"].LastError);
        Assert.Equal("refused: 10.0.0.1 is a private address", state["/moved.xml"].LastError);
        Assert.Equal(2, state["/trickle.xml"].ConsecutiveErrors);
        Assert.Equal(0, state["/broken.xml"].ConsecutiveErrors);
        Assert.All(state.Values, e => Assert.NotNull(e.NextPollUtc));
        var problems = await store.RecentProblemsAsync(20, ct);
        Assert.Contains(problems, p => p.Url.EndsWith("/gone/a-1.html", StringComparison.Ordinal));

        using var browser = await site.StartAsync(ct);
        var status = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/status", ct));
        Assert.Contains("<h2>Endpoints</h2>", status, StringComparison.Ordinal);
        // The problems list has the stage in a column of its own, and a source's last error names it once.
        Assert.Contains("data-label=\"Problem\" class=\"error-cell\">timed out after 1 s</td>", status, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Problem\" class=\"error-cell\">refused: 10.0.0.1 is a private address</td>", status, StringComparison.Ordinal);
        Assert.DoesNotContain("feed: feed:", status, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(status, "class=\"endpoint-failing\">failing<"));
        Assert.Equal(1, CountOf(status, "class=\"endpoint-ok\">ok<"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
