using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>Headers of every kind of response, from the real Kestrel server: no server name, no powerful features.</summary>
public sealed class ResponseHeaderTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/no/such/page")]
    [InlineData("/search.json?q=ley")]
    [InlineData("/healthz")]
    public async Task AnyResponse_HasNoServerHeaderAndDeniesPowerfulFeatures(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SiteServer.StartAsync(ct);

        using var response = await server.Client.GetAsync(path, ct);

        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
        Assert.True(response.Headers.TryGetValues("Permissions-Policy", out var values), "no Permissions-Policy");
        var policy = string.Join(", ", values);
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            Assert.Contains(feature, policy, StringComparison.Ordinal);
    }
}
