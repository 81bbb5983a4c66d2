using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Deploy;

/// <summary>Behind a reverse proxy the links carry the reader's scheme and host, told by the proxy in X-Forwarded-*.</summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArticlePage_FromALoopbackProxyWithForwardedProtoAndHost_LinksToThePublicAddress()
    {
        await using var site = await SeededSite.StartAsync(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, site.BudgetPath);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "news.example.org");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await site.Plain.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"<link rel=\"canonical\" href=\"https://news.example.org{site.BudgetPath}\">", html);
    }

    [Fact]
    public async Task SiteOptions_TrustedProxyThatIsNoAddress_StopsTheSiteWithTheSetting()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
            await SiteServer.StartAsync(Ct, settings: new Dictionary<string, string?> { ["Site:TrustedProxies:0"] = "proxy.example" }));

        Assert.Contains("Site:TrustedProxies: 'proxy.example' is not an IP address.", error.Message);
    }
}
