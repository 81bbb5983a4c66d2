using Xunit;
using ForeignDesk.Web.Admin;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>ForeignDesk as the program composes it, listening on 127.0.0.1, with one operator.</summary>
internal sealed class AdminSite : IAsyncDisposable
{
    public const string Operator = "editor";
    public const string Password = "a long and secret test password";

    private AdminSite(PipelineSite site, Uri address) => (Site, Address) = (site, address);

    public PipelineSite Site { get; }

    public Uri Address { get; }

    public IServiceProvider Services => Site.Services;

    public static async Task<AdminSite> StartAsync(CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var site = await PipelineSite.CreateAsync(settings ?? new Dictionary<string, string?>(), ct, time);
        (await site.StartAsync(ct)).Dispose();
        var address = new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Assert.Null(await site.Services.GetRequiredService<OperatorAccounts>().AddAsync(Operator, Password, ct));
        return new AdminSite(site, address);
    }

    /// <summary>A browser-like client with no session yet.</summary>
    public AdminClient Client(IReadOnlyDictionary<string, string>? forwarded = null) => new(Address, forwarded);

    /// <summary>A client signed in as the operator.</summary>
    public async Task<AdminClient> SignedInAsync(CancellationToken ct)
    {
        var client = Client();
        var response = await client.SignInAsync(Operator, Password, ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
