using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.SearchEngines;

/// <summary>
/// The seeded newsroom (<see cref="SeededSite"/>) plus an article five days old, with two URLs to a sitemap so that a
/// day of three articles is split.
/// </summary>
public sealed class SearchEngineSiteFixture : IAsyncLifetime
{
    private SeededSite? site;

    public SiteServer Server => site?.Server ?? throw new InvalidOperationException("not started");

    public NewsSeed Seed => site?.Seed ?? throw new InvalidOperationException("not started");

    public long Old { get; private set; }

    public string Absolute(string path) => new Uri(Server.Address, path).AbsoluteUri;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        site = await SeededSite.StartAsync(ct, new Dictionary<string, string?> { ["SearchEngines:UrlsPerSitemap"] = "2" });
        var published = SiteServer.Now.AddDays(-5);
        Old = await NewsSeed.SaveAsync(Server.Store, Seed.Diario, "https://diario.example/politica/antigua",
            NewsSeed.Article("Una noticia antigua", null, null, [new Paragraph("p", "Texto antiguo.", "Texto antiguo.")], published, null, null),
            published, estimated: false, SiteServer.Now, ct);
        await Server.Store.SaveTranslationAsync(Old, new TranslatedArticle("An old story", null,
            [new Paragraph("p", "Old text.", "Old text.")], null, "apertium", "es→en", 0), SiteServer.Now, ct);
    }

    /// <summary>A file that must exist with this media type.</summary>
    public async Task<string> GetAsync(string path, string mediaType)
    {
        using var response = await Server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (site is not null) await site.DisposeAsync();
    }
}
