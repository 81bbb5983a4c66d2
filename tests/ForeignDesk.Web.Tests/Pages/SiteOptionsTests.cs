using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

public sealed class SiteOptionsTests
{
    [Fact]
    public async Task Home_ConfiguredNameAndPublicUrl_UsedInHeadAndMasthead()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SiteServer.StartAsync(ct, settings: new Dictionary<string, string?>
        {
            ["Site:Name"] = "Desk & Co",
            ["Site:Tagline"] = "Translated <news>",
            ["Site:PublicUrl"] = "https://news.example/",
        });

        var page = await HtmlPage.GetAsync(server.Client, "/privacy", ct);

        Assert.Equal(200, page.Status);
        Assert.Equal("https://news.example/privacy", page.One("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal("https://news.example/privacy", page.One("meta[property='og:url']").GetAttribute("content"));
        Assert.Equal("Privacy · Desk & Co", page.Document.Title);
        Assert.Equal("Desk & Co", page.Text(".brand"));
        Assert.Equal("Translated <news>", page.Text(".tagline"));
        Assert.Contains("© 2026 Desk & Co", page.Text("footer"));

        var home = await HtmlPage.GetAsync(server.Client, "/", ct);
        Assert.Equal("No articles yet.", home.Text("main section p.meta"));
    }
}
