using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Images;

/// <summary>
/// Outlets' images served from the site's own addresses: fetched once from a real image server on 127.0.0.1 through
/// the guarded fetcher, kept on disk, served with a year's cache; what is not an image, too large, on a private
/// address (directly or by a redirect), or not the article's own is refused; a held-back article's images are not served.
/// </summary>
public sealed class ImageProxyTests : IAsyncLifetime
{
    private SeededSite _site = null!;
    private WebApplication _outlet = null!;
    private Uri _outletAddress = null!;
    private int _hits;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _outlet = builder.Build();
        _outlet.MapGet("/photo.png", () => { Interlocked.Increment(ref _hits); return Results.Bytes(NewsSiteFixture.Png, "image/png"); });
        _outlet.MapGet("/page.png", () => Results.Text("<html><body>not an image</body></html>", "image/png"));
        _outlet.MapGet("/huge.png", () => Results.Bytes([.. NewsSiteFixture.Png, .. new byte[6 * 1024 * 1024]], "image/png"));
        _outlet.MapGet("/vector.svg", () => Results.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "image/svg+xml"));
        // A public-looking image that sends the fetcher on to this machine under another name.
        _outlet.MapGet("/moved.png", (HttpContext context) => Results.Redirect($"http://localhost:{context.Connection.LocalPort}/photo.png"));
        await _outlet.StartAsync(Ct);
        _outletAddress = new Uri(_outlet.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        _site = await SeededSite.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _outlet.DisposeAsync();
    }

    /// <summary>An article of the Spanish outlet whose lead image is <paramref name="imageUrl"/>; returns its image's path on the site.</summary>
    private async Task<string> ArticleWithImageAsync(string imageUrl, string slug)
    {
        var id = await NewsSeed.SaveAsync(_site.Server.Store, _site.Seed.Diario, $"https://diario.example/{slug}",
            NewsSeed.Article("Una foto " + slug, null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, new ArticleImage(imageUrl, "Pie", null)),
            SiteServer.Now, estimated: false, SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
        var page = await _site.Plain.GetStringAsync($"/article/{id}/una-foto-{slug}", Ct);
        var src = System.Text.RegularExpressions.Regex.Match(page, "<img src=\"(/image/[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"/image/{id}/0/", src);
        Assert.DoesNotContain(_outletAddress.Authority, page);
        return src;
    }

    [Fact]
    public async Task Image_IsFetchedOnce_KeptOnDisk_AndServedFromTheSiteWithAYearsCache()
    {
        var path = await ArticleWithImageAsync(new Uri(_outletAddress, "/photo.png").AbsoluteUri, "buena");

        for (var i = 0; i < 2; i++)
        {
            using var response = await _site.Plain.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(NewsSiteFixture.Png, await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
            Assert.Contains("img-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        }
        Assert.Equal(1, _hits);

        // Another key, another index: not this article's image.
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path[..^16] + "0000000000000000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path.Replace("/0/", "/7/", StringComparison.Ordinal), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/page.png")]
    [InlineData("/huge.png")]
    [InlineData("/vector.svg")]
    [InlineData("/moved.png")]
    public async Task NotAnImage_TooLarge_OrRedirectedToAPrivateAddress_IsRefused(string file)
    {
        var path = await ArticleWithImageAsync(new Uri(_outletAddress, file).AbsoluteUri, file.Trim('/').Replace('.', '-'));

        using var response = await _site.Plain.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _hits);
    }

    [Fact]
    public async Task PrivateAddress_IsNeverContacted()
    {
        // localhost is this machine, and not on the fetcher's list of allowed private hosts (127.0.0.1 only).
        var path = await ArticleWithImageAsync($"http://localhost:{_outletAddress.Port}/photo.png", "privada");

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(0, _hits);
    }

    [Fact]
    public async Task HeadlineOnlySource_ItsImagesAreNotServed()
    {
        var path = await ArticleWithImageAsync(new Uri(_outletAddress, "/photo.png").AbsoluteUri, "titular");
        var diario = _site.Seed.Diario;
        await ((ISourceControlStore)_site.Server.Store).EditSourceAsync(diario.Id,
            new SourceEdit(diario.Name, diario.Language, diario.Category, diario.TimeZone, SourcePolicy.Headline), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(0, _hits);
    }
}
