using System.Net;
using System.Net.Sockets;
using ForeignDesk.Bench.Web;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class NginxSiteTests
{
    private static readonly bool Installed = File.Exists("/usr/sbin/nginx") || File.Exists("/usr/bin/nginx");

    [Fact]
    public async Task WriteAsync_GeneratedConfiguration_PassesNginxTest()
    {
        Assert.SkipUnless(Installed, "nginx is not installed here (Debian's nginx-light; the web bench installs it)");
        var folder = Directory.CreateTempSubdirectory("foreigndesk-nginx-test-").FullName;
        try
        {
            var root = Directory.CreateDirectory(Path.Combine(folder, "www")).FullName;

            var file = await NginxSite.WriteAsync(folder, root, FreePort(), TestContext.Current.CancellationToken);

            Assert.Contains($"root {root};", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_SavedPage_IsServedAsHtml()
    {
        Assert.SkipUnless(Installed, "nginx is not installed here (Debian's nginx-light; the web bench installs it)");
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("foreigndesk-nginx-test-").FullName;
        try
        {
            var root = Directory.CreateDirectory(Path.Combine(folder, "www")).FullName;
            await File.WriteAllTextAsync(Path.Combine(root, "hot.html"), "<h1>Saved page</h1>", ct);

            await using (var nginx = await NginxSite.StartAsync(folder, root, FreePort(), ct))
            {
                using var client = new HttpClient();
                using var response = await client.GetAsync(new Uri(nginx.Url, "/hot.html"), ct);

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("<h1>Saved page</h1>", await response.Content.ReadAsStringAsync(ct));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
