using System.IO.Compression;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

public sealed class PageFetcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task FetchAsync_CompressedBody_ReturnsDecompressedBytes(string encoding)
    {
        var text = string.Concat(Enumerable.Repeat("Nachrichten aus aller Welt. ", 200));
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/page", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = encoding;
            await using Stream compressor = encoding == "gzip"
                ? new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true)
                : new BrotliStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await compressor.WriteAsync(Encoding.UTF8.GetBytes(text));
        }), Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/page")), Ct);

        Assert.Equal(FetchStatus.Ok, outcome.Status);
        Assert.Equal(text, Encoding.UTF8.GetString(outcome.Page!.Body));
        Assert.Equal(200, outcome.Page.Status);
        Assert.StartsWith("text/html", outcome.Page.ContentType);
    }

    [Fact]
    public async Task FetchAsync_ServerReturns304_ReturnsNotModified()
    {
        string? userAgent = null;
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/feed", context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Tue, 01 Apr 2025 10:00:00 GMT";
            return context.Response.WriteAsync("<rss/>");
        }), Ct);
        using var fetcher = TestFetchers.Create();

        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed")), Ct);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed"), new HttpValidators(first.Page!.ETag, first.Page.LastModified)), Ct);

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal("\"v1\"", first.Page.ETag);
        Assert.Equal("Tue, 01 Apr 2025 10:00:00 GMT", first.Page.LastModified);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Page);
        Assert.StartsWith("ForeignDesk/1.0", userAgent);
    }

    [Fact]
    public async Task FetchAsync_ServerReturns404_ReturnsHttpError()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/gone", context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }), Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/gone")), Ct);

        Assert.Equal(FetchStatus.HttpError, outcome.Status);
        Assert.Equal("HTTP 404 Not Found", outcome.Error);
        Assert.Equal(404, outcome.Page?.Status);
    }

    [Fact]
    public async Task FetchAsync_ServerReturns429WithRetryAfter_ReturnsRateLimited()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/busy", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        }), Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/busy")), Ct);

        Assert.Equal(FetchStatus.RateLimited, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_RedirectChain_FollowsToFinalUrl()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b", permanent: true));
            app.MapGet("/b", (HttpContext c) => Results.Redirect($"http://{c.Request.Host}/c"));
            app.MapGet("/c", () => Results.Redirect("final?x=1", preserveMethod: true));
            app.MapGet("/final", () => "arrived");
        }, Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/a")), Ct);

        Assert.Equal(FetchStatus.Ok, outcome.Status);
        Assert.Equal(server.Url("/final?x=1"), outcome.Page!.FinalUrl);
        Assert.Equal(server.Url("/a"), outcome.Page.RequestedUrl);
        Assert.Equal("arrived", Encoding.UTF8.GetString(outcome.Page.Body));
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_ReturnsError()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/ping", () => Results.Redirect("/pong"));
            app.MapGet("/pong", () => Results.Redirect("/ping"));
        }, Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/ping")), Ct);

        Assert.Equal(FetchStatus.HttpError, outcome.Status);
        Assert.Contains("redirect loop", outcome.Error);
    }

    [Fact]
    public async Task FetchAsync_TooManyRedirects_ReturnsError()
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/hop/{n:int}", (int n) => Results.Redirect($"/hop/{n + 1}")), Ct);
        using var fetcher = TestFetchers.Create(o => o.MaxRedirects = 3);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/hop/0")), Ct);

        Assert.Equal(FetchStatus.HttpError, outcome.Status);
        Assert.Equal("too many redirects (more than 3)", outcome.Error);
    }

    [Fact]
    public async Task FetchAsync_RedirectToOtherScheme_ReturnsRefused()
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/out", () => Results.Redirect("ftp://files.example/x")), Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/out")), Ct);

        Assert.Equal(FetchStatus.Refused, outcome.Status);
        Assert.Equal("refused: ftp URLs are not fetched", outcome.Error);
    }

    [Fact]
    public async Task FetchAsync_PrivateNetworksRefused_DoesNotContactLoopback()
    {
        var hits = 0;
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/start", () => Results.Redirect("/inside"));
            app.MapGet("/inside", () =>
            {
                Interlocked.Increment(ref hits);
                return "secret";
            });
        }, Ct);
        using var fetcher = TestFetchers.Create(o => o.AllowPrivateNetworks = false);

        var literal = await fetcher.FetchAsync(new FetchRequest(server.Url("/start")), Ct);
        var byName = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://localhost:{server.BaseUrl.Port}/inside")), Ct);

        Assert.Equal(FetchStatus.Refused, literal.Status);
        Assert.Equal("refused: 127.0.0.1 is a loopback address", literal.Error);
        Assert.Equal(FetchStatus.Refused, byName.Status);
        Assert.StartsWith("refused: localhost resolves to", byName.Error);
        Assert.Contains("loopback address", byName.Error);
        Assert.Equal(0, hits);
    }
}
