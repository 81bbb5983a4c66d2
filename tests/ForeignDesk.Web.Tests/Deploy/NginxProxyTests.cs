using System.Net;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Web.Tests.Deploy;

/// <summary>The repository's nginx configuration, checked by nginx and run in front of the real site.</summary>
[Collection("Sites exporting metrics")]
public sealed class NginxProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepositoryConfiguration_WithTheUpstreamPortsSubstituted_PassesNginxTest()
    {
        Assert.SkipUnless(RepositoryNginx.Installed, RepositoryNginx.SkipMessage);
        await using var nginx = new RepositoryNginx([new Uri("http://127.0.0.1:5081/"), new Uri("http://127.0.0.1:5082/")]);

        var (exitCode, output) = await nginx.TestAsync(Ct);

        Assert.True(exitCode == 0, $"nginx -t rejects the configuration: {output}");
        Assert.Contains("test is successful", output);
    }

    [Fact]
    public async Task Nginx_InFrontOfTheSite_ServesHomeArticleAndReadinessWithTheReadersHostInLinks()
    {
        Assert.SkipUnless(RepositoryNginx.Installed, RepositoryNginx.SkipMessage);
        await using var site = await SeededSite.StartAsync(Ct);
        await using var nginx = new RepositoryNginx([site.Server.Address]);
        await nginx.StartAsync(Ct);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = nginx.Url };

        using var home = await client.GetAsync("/", Ct);
        var homeHtml = await home.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Government approves the budget", homeHtml);
        Assert.Contains($"<link rel=\"canonical\" href=\"{nginx.Url.AbsoluteUri}\">", homeHtml);
        Assert.StartsWith("nginx", home.Headers.Server.ToString());
        Assert.True(home.Headers.Contains("Content-Security-Policy"), "the site's own headers do not come through");

        using var article = await client.GetAsync(site.BudgetPath, Ct);
        var articleHtml = await article.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Equal("text/html", article.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The Government <strong>approved</strong> the budget yesterday.", articleHtml);
        Assert.Contains($"href=\"{new Uri(nginx.Url, site.BudgetPath).AbsoluteUri}\"", articleHtml);

        using var ready = await client.GetAsync("/readyz", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Nginx_WebSubCallback_GoesToTheWebNodesLikeThePages()
    {
        Assert.SkipUnless(RepositoryNginx.Installed, RepositoryNginx.SkipMessage);
        await using var node = await SiteServer.StartAsync(Ct, extra: app => app.MapGet("/websub/{id}", (string id) => $"web node {id}"));
        await using var nginx = new RepositoryNginx([node.Address]);
        await nginx.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = nginx.Url };

        Assert.Equal("web node abc", await client.GetStringAsync("/websub/abc", Ct));
    }

    [Fact]
    public async Task Nginx_InFrontOfTheSite_KeepsTheStylesheetAndHidesMetrics()
    {
        Assert.SkipUnless(RepositoryNginx.Installed, RepositoryNginx.SkipMessage);
        await using var site = await SeededSite.StartAsync(Ct, new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" });
        await using var nginx = new RepositoryNginx([site.Server.Address]);
        await nginx.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = nginx.Url };
        var stylesheet = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/", Ct), "href=\"(/assets/site\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);

        using var first = await client.GetAsync(stylesheet, Ct);
        using var second = await client.GetAsync(stylesheet, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("text/css", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("MISS", first.Headers.GetValues("X-Cache-Status").Single());
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache-Status").Single());

        using var metrics = await client.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        using var direct = await site.Plain.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
    }
}
