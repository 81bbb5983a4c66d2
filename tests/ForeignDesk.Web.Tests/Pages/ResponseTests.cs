using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Web.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>What every page answer carries: validators and 304, compression, the stylesheet file, views counted in batches.</summary>
public sealed class ResponseTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;

    // Views are written only when a test flushes them, never by the timer in the middle of one.
    public async ValueTask InitializeAsync() =>
        _site = await SeededSite.StartAsync(Ct, new Dictionary<string, string?> { ["Site:ViewFlushInterval"] = "01:00:00" });

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private string BudgetPath => _site.BudgetPath;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Page_WithItsETag_Is304WithoutBody(bool cachedFirst)
    {
        using var first = await _site.Plain.GetAsync(BudgetPath, Ct);
        Assert.Equal(200, (int)first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        if (cachedFirst) (await _site.Plain.GetAsync(BudgetPath, Ct)).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, BudgetPath);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await _site.Plain.SendAsync(request, Ct);

        Assert.Equal(304, (int)again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Page_WithAnotherETag_IsSentWhole()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BudgetPath);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"", isWeak: true));
        using var response = await _site.Plain.SendAsync(request, Ct);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("Government approves the budget", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Page_IsCompressedAsTheBrowserAsks(string encoding)
    {
        using var identity = await _site.Plain.GetAsync(BudgetPath, Ct);
        var plainHtml = await identity.Content.ReadAsStringAsync(Ct);
        for (var i = 0; i < 2; i++) // rendered, then from the cache
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, BudgetPath);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await _site.Plain.SendAsync(request, Ct);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(compressed.Length < Encoding.UTF8.GetByteCount(plainHtml) / 2);
            using Stream decoder = encoding == "br"
                ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
                : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            Assert.Equal(plainHtml, await new StreamReader(decoder, Encoding.UTF8).ReadToEndAsync(Ct));
        }
    }

    [Fact]
    public async Task Stylesheet_IsAVersionedFileKeptForAYear()
    {
        var page = await HtmlPage.GetAsync(_site.Plain, "/", Ct);
        var href = page.One("link[rel=stylesheet]").GetAttribute("href")!;
        Assert.Matches("^/assets/site\\.[0-9a-f]{12}\\.css$", href);
        Assert.Null(page.Document.QuerySelector("style"));

        using var css = await _site.Plain.GetAsync(href, Ct);
        Assert.Equal(200, (int)css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString());
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl.MaxAge);
        Assert.Contains(".masthead", await css.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Views_AreCountedInMemory_AndWrittenInABatch_CachedAnswersToo()
    {
        for (var i = 0; i < 4; i++)
        {
            using var view = await _site.Plain.GetAsync(BudgetPath, Ct);
            Assert.Equal(200, (int)view.StatusCode);
        }
        using (var missing = await _site.Plain.GetAsync("/article/999999/none", Ct)) Assert.Equal(404, (int)missing.StatusCode);
        var trends = (ITrendSignals)_site.Server.Store;
        Assert.DoesNotContain(await trends.TrendCandidatesAsync(SiteServer.Now.AddHours(-1), 100, Ct), c => c.Article.Views > 0);

        await _site.Server.Services.GetRequiredService<ViewFlusher>().FlushAsync(Ct);

        var viewed = Assert.Single(await trends.TrendCandidatesAsync(SiteServer.Now.AddHours(-1), 100, Ct), c => c.Article.Views > 0);
        Assert.Equal(_site.Seed.Budget, viewed.Article.Id);
        Assert.Equal(4, viewed.Article.Views);
    }

    [Theory]
    [InlineData("/search?q=budget&to=9999-12-31")]
    [InlineData("/search?q=budget&from=0001-01-01")]
    [InlineData("/search.json?q=budget&to=9999-12-31")]
    [InlineData("/search.json?q=budget&from=0001-01-01&to=9999-12-31")]
    public async Task Search_DateOutOfRange_IsLeftOutWithAMessage(string path)
    {
        using var response = await _site.Plain.GetAsync(path, Ct);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("left out", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Status_CountsEachSourcesArticles()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, "/status", Ct);
        var diario = page.Document.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr")
            .Single(row => row.TextContent.Contains("El Diario de Prueba", StringComparison.Ordinal));
        Assert.Equal("3", diario.QuerySelector("td[data-label='Articles']")!.TextContent);
        Assert.Equal("3", diario.QuerySelector("td[data-label='Articles today']")!.TextContent);
    }
}
