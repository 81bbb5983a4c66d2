using System.Net;
using ForeignDesk.Web.Api;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// <c>HEAD</c> answers as <c>GET</c> without the body, over a real site: every API endpoint, page, feed and search-engine
/// file, the page cache cold and warm, and <c>304</c> on <c>If-None-Match</c>.
/// </summary>
public sealed class HeadRequestTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] ComparedHeaders = ["ETag", "Cache-Control", "Location", "Retry-After"];

    private static readonly string[] ComparedContentHeaders = ["Content-Type", "Last-Modified"];

    public static TheoryData<string> Addresses() =>
    [
        "/api/v1/articles", "/api/v1/articles?lang=es&limit=2", "/api/v1/articles?cursor=bad", "/api/v1/articles/{budget}",
        "/api/v1/articles/987654", "/api/v1/search?q=budget", "/api/v1/search?q=", "/api/v1/stories", "/api/v1/stories/{debate}",
        "/api/v1/stories/987654", "/api/v1/sources", "/api/v1/sources/el-diario-de-prueba", "/api/v1/sources/missing",
        "/api/v1/categories", "/api/v1/trends", "/api/v1/no-such-endpoint", ApiExtensions.DocumentPath,
        "/", "/article/{budget}/government-approves-the-budget", "/article/{budget}?view=both", "/story/{debate}", "/date/2026-11-29",
        "/category/news-politics", "/source/el-diario-de-prueba", "/language/es", "/search?q=budget", "/search.json?q=budget",
        "/about", "/privacy", "/status", "/no-such-page",
        "/feed.xml", "/atom.xml", "/feed.json", "/category/news-politics/feed.xml", "/source/el-diario-de-prueba/atom.xml",
        "/robots.txt", "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/2026-11-29.xml", "/sitemap-news.xml",
    ];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Head_AnyAddress_AnswersAsGetWithoutBody(string address)
    {
        var path = address.Replace("{budget}", $"{site.Seed.Budget}").Replace("{debate}", $"{site.Seed.Debate}");
        using var client = NewClient();

        // Cold: the HEAD is the first request; warm: the page cache holds what the GET rendered.
        using var cold = await SendAsync(client, HttpMethod.Head, path, null);
        using var get = await SendAsync(client, HttpMethod.Get, path, null);
        using var warm = await SendAsync(client, HttpMethod.Head, path, null);
        var body = await get.Content.ReadAsByteArrayAsync(Ct);

        foreach (var head in new[] { cold, warm })
        {
            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(body.Length, head.Content.Headers.ContentLength);
            foreach (var name in ComparedHeaders)
                Assert.Equal(Values(get.Headers, name), Values(head.Headers, name));
            foreach (var name in ComparedContentHeaders)
                Assert.Equal(Values(get.Content.Headers, name), Values(head.Content.Headers, name));
        }

        if (get.Headers.ETag is { } etag)
        {
            using var revalidated = await SendAsync(client, HttpMethod.Head, path, etag.ToString());
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Equal(etag, revalidated.Headers.ETag);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/categories")]
    [InlineData("/")]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    public async Task Head_ListsAndFiles_CarryAnETag(string path)
    {
        using var client = NewClient();
        using var head = await SendAsync(client, HttpMethod.Head, path, null);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
    }

    [Fact]
    public async Task Head_ArticlePage_CountsNoView()
    {
        await using var own = await SeededSite.StartAsync(Ct, new Dictionary<string, string?> { ["Site:ViewFlushInterval"] = "01:00:00" });
        using var client = new HttpClient { BaseAddress = own.Server.Address };
        var path = $"/article/{own.Seed.Budget}";
        var counter = own.Server.Services.GetRequiredService<ViewCounter>();
        counter.Take();

        using (await SendAsync(client, HttpMethod.Head, path, null))
        using (await SendAsync(client, HttpMethod.Head, path, null))
        using (await SendAsync(client, HttpMethod.Get, path, null))
        {
        }

        Assert.Equal(1, counter.Take().Where(c => c.ArticleId == own.Seed.Budget).Sum(c => c.Count));
    }

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Server.Address };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request, Ct);
    }

    private static string Values(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
