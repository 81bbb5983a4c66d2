using Xunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>One seeded site shared by the tests of a class.</summary>
public sealed class NewsSiteFixture : IAsyncLifetime
{
    public const string ImagePath = "/test-images/minister.png";

    /// <summary>A 16×9 PNG: the site serves its own copy of it (Images/ImageProxy), fetched from this server.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAAAFElEQVR42mOo6l9GEmIY1TAoNAAAxqHycarcSmYAAAAASUVORK5CYII=");

    private SiteServer? server;
    private NewsSeed? seed;

    public SiteServer Server => server ?? throw new InvalidOperationException("not started");

    public NewsSeed Seed => seed ?? throw new InvalidOperationException("not seeded");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        server = await SiteServer.StartAsync(ct, extra: app => app.MapGet(ImagePath, () => Results.Bytes(Png, "image/png")));
        seed = await NewsSeed.WriteAsync(server.Store, SiteServer.Now, new Uri(server.Address, ImagePath).AbsoluteUri, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
