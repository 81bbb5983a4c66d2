using ForeignDesk.Web.Caching;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// A reader who arrives after the site's background work has caught up: before each request the site writes its
/// counted views, reads the store's changes and recomputes its lists (<see cref="SiteCatchUp"/>), as it does by
/// itself within seconds. Tests of that timing itself use a plain client.
/// </summary>
internal sealed class CatchingUpHandler(IServiceProvider site) : DelegatingHandler
{
    public static HttpClient Client(IServiceProvider site, Uri address, bool allowAutoRedirect = true) =>
        new(new CatchingUpHandler(site) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = allowAutoRedirect } }) { BaseAddress = address };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SiteCatchUp.RunAsync(site, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
