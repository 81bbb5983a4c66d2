using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Images;
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
/// Outlets' images served from the site's own addresses: checked in the background once a page shows the article,
/// fetched once from a real image server on 127.0.0.1 through the guarded fetcher, written again at two widths, kept on
/// disk, served with a year's cache; an image that is missing, not an image, hostile, too large, on a private address
/// (directly or by a redirect), or not the article's own is left out of the page and refused; a held-back article's
/// images are not served.
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
        _outlet.MapGet("/large.jpg", () => Results.Bytes(TestImages.Jpeg(1600, 900), "image/jpeg"));
        _outlet.MapGet("/missing.jpg", () => Results.NotFound());
        // PNG's first bytes, then garbage: passes the sniffing, fails the decoding.
        _outlet.MapGet("/hostile.png", () => Results.Bytes([.. NewsSiteFixture.Png.AsSpan(0, 16), .. Enumerable.Repeat((byte)0xAB, 4096)], "image/png"));
        // A valid header that claims 100 000 × 100 000 pixels: refused before anything is decoded.
        _outlet.MapGet("/bomb.png", () => Results.Bytes(TestImages.PngClaiming(100_000, 100_000), "image/png"));
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

    /// <summary>
    /// An article of the Spanish outlet whose lead image is <paramref name="imageUrl"/>, shown once (which asks for the
    /// image's check), then again once the check is done; returns the second page and its article id.
    /// </summary>
    private async Task<(long Id, string Page)> ArticleWithImageAsync(string imageUrl, string slug)
    {
        var id = await NewsSeed.SaveAsync(_site.Server.Store, _site.Seed.Diario, $"https://diario.example/{slug}",
            NewsSeed.Article("Una foto " + slug, null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, new ArticleImage(imageUrl, "Pie de foto", null)),
            SiteServer.Now, estimated: false, SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
        var first = await _site.Plain.GetStringAsync($"/article/{id}/una-foto-{slug}", Ct);
        Assert.DoesNotContain("<img", first);
        await _site.Server.Services.GetRequiredService<ImageChecker>().IdleAsync(Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
        var page = await _site.Plain.GetStringAsync($"/article/{id}/una-foto-{slug}", Ct);
        Assert.DoesNotContain(_outletAddress.Authority, page);
        return (id, page);
    }

    /// <summary>The image's largest path on the page, checked to be the article's.</summary>
    private static string ImagePath(long id, string page)
    {
        var src = System.Text.RegularExpressions.Regex.Match(page, "<img src=\"(/image/[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"/image/{id}/0/", src);
        return src;
    }

    /// <summary>The path the image's URL would have, for asking the site for an image its page does not show.</summary>
    private static string PathOf(long id, string imageUrl, int width) => ImageProxy.PathOf(id, 0, imageUrl, width);

    [Fact]
    public async Task Image_IsFetchedOnce_KeptOnDisk_AndServedFromTheSiteWithAYearsCache()
    {
        var (id, page) = await ArticleWithImageAsync(new Uri(_outletAddress, "/photo.png").AbsoluteUri, "buena");
        var path = ImagePath(id, page);
        Assert.EndsWith("/16", path);
        Assert.Contains("Pie de foto", page);

        for (var i = 0; i < 2; i++)
        {
            using var response = await _site.Plain.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal((16, 9), TestImages.SizeOf(await response.Content.ReadAsByteArrayAsync(Ct)));
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
            Assert.Contains("img-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        }
        Assert.Equal(1, _hits);

        // Another key, another index, another width: not this article's image.
        var key = path.Split('/')[4];
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path.Replace(key, "0000000000000000", StringComparison.Ordinal), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path.Replace("/0/", "/7/", StringComparison.Ordinal), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path[..^2] + "480", Ct)).StatusCode);
    }

    [Fact]
    public async Task LargeImage_IsServedAtTwoWidths_WithSrcset_EachTheWidthItSays()
    {
        var (id, page) = await ArticleWithImageAsync(new Uri(_outletAddress, "/large.jpg").AbsoluteUri, "grande");
        var path = ImagePath(id, page);
        var small = path[..path.LastIndexOf('/')] + "/480";

        Assert.EndsWith("/1024", path);
        Assert.Contains($"srcset=\"{small} 480w, {path} 1024w\"", page);
        Assert.Contains("width=\"1024\" height=\"576\"", page);
        foreach (var (url, size) in new[] { (small, (480, 270)), (path, (1024, 576)) })
        {
            using var response = await _site.Plain.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(size, TestImages.SizeOf(await response.Content.ReadAsByteArrayAsync(Ct)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path[..path.LastIndexOf('/')] + "/1600", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/missing.jpg")]
    [InlineData("/hostile.png")]
    [InlineData("/bomb.png")]
    [InlineData("/page.png")]
    [InlineData("/huge.png")]
    [InlineData("/vector.svg")]
    [InlineData("/moved.png")]
    public async Task Missing_NotAnImage_Hostile_TooLarge_OrRedirectedToAPrivateAddress_IsLeftOutOfThePage_AndRefused(string file)
    {
        var url = new Uri(_outletAddress, file).AbsoluteUri;
        var (id, page) = await ArticleWithImageAsync(url, file.Trim('/').Replace('.', '-'));

        Assert.DoesNotContain("<img", page);
        Assert.DoesNotContain("<figure", page);
        Assert.DoesNotContain("Pie de foto", page);
        Assert.Contains("Texto.", page);
        foreach (var width in new[] { 480, 1024 })
            Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(PathOf(id, url, width), Ct)).StatusCode);
        Assert.Equal(0, _hits);
        var check = Assert.Single(await ((IImageCheckStore)_site.Server.Store).ImageChecksAsync(id, Ct));
        Assert.False(check.Good);
        Assert.False(string.IsNullOrEmpty(check.Problem));
    }

    [Fact]
    public async Task PrivateAddress_IsNeverContacted()
    {
        // localhost is this machine, and not on the fetcher's list of allowed private hosts (127.0.0.1 only).
        var url = $"http://localhost:{_outletAddress.Port}/photo.png";
        var (id, page) = await ArticleWithImageAsync(url, "privada");

        Assert.DoesNotContain("<img", page);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(PathOf(id, url, 16), Ct)).StatusCode);
        Assert.Equal(0, _hits);
    }

    [Fact]
    public async Task HeadlineOnlySource_ItsImagesAreNotServed()
    {
        var (id, page) = await ArticleWithImageAsync(new Uri(_outletAddress, "/photo.png").AbsoluteUri, "titular");
        var path = ImagePath(id, page);
        var diario = _site.Seed.Diario;
        await ((ISourceControlStore)_site.Server.Store).EditSourceAsync(diario.Id,
            new SourceEdit(diario.Name, diario.Language, diario.Category, diario.TimeZone, SourcePolicy.Headline), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Plain.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(1, _hits);
    }
}
