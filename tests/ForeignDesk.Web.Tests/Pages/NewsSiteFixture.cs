using Xunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>One seeded site shared by the tests of a class.</summary>
public sealed class NewsSiteFixture : IAsyncLifetime
{
    public const string ImagePath = "/test-images/minister.svg";

    private SiteServer? server;
    private NewsSeed? seed;

    public SiteServer Server => server ?? throw new InvalidOperationException("not started");

    public NewsSeed Seed => seed ?? throw new InvalidOperationException("not seeded");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        server = await SiteServer.StartAsync(ct, extra: app => app.MapGet(ImagePath, () => Results.Text(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 9\"><rect width=\"16\" height=\"9\" fill=\"#7a8fa6\"/><circle cx=\"8\" cy=\"4\" r=\"2\" fill=\"#fff\"/></svg>",
            "image/svg+xml")));
        seed = await NewsSeed.WriteAsync(server.Store, SiteServer.Now, new Uri(server.Address, ImagePath).AbsoluteUri, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
