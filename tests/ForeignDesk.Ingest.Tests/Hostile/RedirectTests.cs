using System.Net;
using System.Net.Sockets;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Tests.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Hostile;

/// <summary>
/// Redirects to other schemes and to private addresses. Private networks are not allowed; only the test server's
/// own 127.0.0.1:PORT is, through <see cref="FetchOptions.AllowedPrivateHosts"/>.
/// </summary>
public sealed class RedirectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("file:///etc/passwd", "refused: file URLs are not fetched")]
    [InlineData("javascript:alert(1)", "refused: javascript URLs are not fetched")]
    [InlineData("ftp://files.example/feed.xml", "refused: ftp URLs are not fetched")]
    public async Task FetchAsync_RedirectToOtherScheme_Refused(string location, string error)
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/feed.xml", (HttpContext context) => context.Response.Redirect(location)), Ct);
        using var fetcher = AllowingOnly(server);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")), Ct);

        Assert.Equal(FetchStatus.Refused, outcome.Status);
        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public async Task FetchAsync_AllowedPrivateHost_IsFetched()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/feed.xml", () => "<rss/>"), Ct);
        using var fetcher = AllowingOnly(server);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")), Ct);

        Assert.Equal(FetchStatus.Ok, outcome.Status);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address")]
    [InlineData("http://10.0.0.1/admin", "refused: 10.0.0.1 is a private address")]
    [InlineData("http://[::1]:{other}/", "refused: ::1 is a loopback address")]
    [InlineData("http://127.0.0.1:{other}/", "refused: 127.0.0.1 is a loopback address")]
    public async Task FetchAsync_RedirectToPrivateAddress_RefusedBeforeConnecting(string target, string error)
    {
        // Another local port, listening on IPv4 and IPv6 loopback: it must never see a connection.
        using var other = new TcpListener(IPAddress.IPv6Any, 0);
        other.Server.DualMode = true;
        other.Start();
        var otherPort = ((IPEndPoint)other.LocalEndpoint).Port;
        var location = target.Replace("{other}", otherPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/feed.xml", (HttpContext context) => context.Response.Redirect(location)), Ct);
        using var fetcher = AllowingOnly(server);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")), Ct);

        Assert.Equal(FetchStatus.Refused, outcome.Status);
        Assert.Equal(error, outcome.Error);
        Assert.False(other.Pending(), "the refused address was contacted");
    }

    [Fact]
    public async Task FetchAsync_AllowedHostOnOtherPort_Refused()
    {
        await using var allowed = await LocalServer.StartAsync(app => app.MapGet("/", () => "allowed"), Ct);
        var hits = 0;
        await using var elsewhere = await LocalServer.StartAsync(app => app.MapGet("/", () =>
        {
            Interlocked.Increment(ref hits);
            return "secret";
        }), Ct);
        using var fetcher = AllowingOnly(allowed);

        var outcome = await fetcher.FetchAsync(new FetchRequest(elsewhere.Url("/")), Ct);

        Assert.Equal(FetchStatus.Refused, outcome.Status);
        Assert.Equal(0, hits);
    }

    private static PageFetcher AllowingOnly(LocalServer server) => TestFetchers.Create(o =>
    {
        o.AllowPrivateNetworks = false;
        o.AllowedPrivateHosts.Add($"127.0.0.1:{server.BaseUrl.Port}");
    });
}
