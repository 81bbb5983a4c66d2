using System.Text.Json;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary>Per-client rate limits on the API, on a real site whose limit is three requests an hour.</summary>
public sealed class ApiRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<SiteServer> StartLimitedAsync(int requests) => SiteServer.StartAsync(Ct,
        settings: new Dictionary<string, string?> { ["Api:RequestsPerWindow"] = requests.ToString(), ["Api:Window"] = "01:00:00" });

    [Fact]
    public async Task OverTheLimit_429WithRetryAfterAndProblem_OtherClientsAndPagesUnaffected()
    {
        await using var server = await StartLimitedAsync(3);
        using var client = new HttpClient { BaseAddress = server.Address };
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/categories", Ct);
            Assert.Equal(200, (int)allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/api/v1/sources", Ct);
        using var page = await client.GetAsync("/about", Ct);
        // Another reader behind the trusted (loopback) proxy has a budget of its own.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var other = await client.SendAsync(forwarded, Ct);

        Assert.Equal(429, (int)refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal(200, (int)other.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientOf_IPv4ByAddress_IPv6ByItsSlash64(string address, string client) =>
        Assert.Equal(client, ForeignDesk.Web.Api.ApiRateLimits.ClientOf(System.Net.IPAddress.Parse(address)));
}
