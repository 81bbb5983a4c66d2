using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ForeignDesk.Ingest.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

/// <summary>
/// A server listening on every interface of this machine, reached by the machine's own name, by each of its
/// addresses, and by a redirect from an allowed host: with private networks refused, none of them is contacted.
/// </summary>
public sealed class OwnAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_MachineOwnHostnameAndAddresses_AreRefusedWithoutContact()
    {
        var hits = 0;
        await using var inside = await ListenEverywhereAsync(app => app.MapGet("/secret", () =>
        {
            Interlocked.Increment(ref hits);
            return "secret";
        }));
        var port = Port(inside);
        using var fetcher = TestFetchers.Create(o => o.AllowPrivateNetworks = false);
        var targets = new List<Uri> { new($"http://{Dns.GetHostName()}:{port}/secret") };
        targets.AddRange(OwnIPv4Addresses().Select(a => new Uri($"http://{a}:{port}/secret")));

        foreach (var target in targets)
        {
            var outcome = await fetcher.FetchAsync(new FetchRequest(target), Ct);
            Assert.True(outcome.Status == FetchStatus.Refused, $"{target} gave {outcome.Status}: {outcome.Error}");
        }

        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task FetchAsync_RedirectFromAllowedHostToOwnAddress_IsRefused()
    {
        var hits = 0;
        await using var inside = await ListenEverywhereAsync(app => app.MapGet("/secret", () =>
        {
            Interlocked.Increment(ref hits);
            return "secret";
        }));
        var own = OwnIPv4Addresses().FirstOrDefault(a => !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
        var port = Port(inside);
        await using var outlet = await LocalServer.StartAsync(app =>
            app.MapGet("/feed", () => Results.Redirect($"http://{own}:{port}/secret")), Ct);
        using var fetcher = TestFetchers.Create(o =>
        {
            o.AllowPrivateNetworks = false;
            o.AllowedPrivateHosts.Add($"127.0.0.1:{outlet.BaseUrl.Port}");
        });

        var outcome = await fetcher.FetchAsync(new FetchRequest(outlet.Url("/feed")), Ct);

        Assert.Equal(FetchStatus.Refused, outcome.Status);
        Assert.Equal(0, hits);
    }

    private static IEnumerable<IPAddress> OwnIPv4Addresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up || n.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork)
            .Distinct();

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;

    private static async Task<WebApplication> ListenEverywhereAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Any, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(Ct);
        return app;
    }
}
