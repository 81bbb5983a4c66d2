using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Search;

/// <summary>The seeded news site plus articles for search: one with markup in its text, and enough for three pages.</summary>
public sealed class SearchSiteFixture : IAsyncLifetime
{
    private SiteServer? server;

    public SiteServer Server => server ?? throw new InvalidOperationException("not started");

    public NewsSeed Seed { get; private set; } = null!;

    public long Markup { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        server = await SiteServer.StartAsync(ct);
        Seed = await NewsSeed.WriteAsync(server.Store, SiteServer.Now, "https://img.example/a.jpg", ct);
        Markup = await SaveAsync(Seed.Diario, "https://diario.example/sociedad/marcado", "Marcado", "Markup <b>test</b>",
            "Readers saw <img src=x onerror=alert(1)> in the harbour report", SiteServer.Now.AddHours(-3), ct);
        for (var i = 0; i < 45; i++)
            await SaveAsync(Seed.Diario, $"https://diario.example/sociedad/volcan-{i}", $"Volcán {i}", $"Volcano update {i}",
                "The volcano erupted again overnight.", SiteServer.Now.AddMinutes(-10 - i), ct);
    }

    private async Task<long> SaveAsync(Source source, string url, string title, string englishTitle, string englishText,
        DateTimeOffset published, CancellationToken ct)
    {
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), SiteServer.Now);
        var article = new ExtractedArticle(title, null, [new Paragraph("p", "Texto.", "Texto.")], null, published, null, "es", null, null, null, []);
        var saved = await Server.Store.SaveArticleAsync(new ArticleDraft(source.Id, url, "es", article, published, false, source.Category, url, page),
            SiteServer.Now, ct);
        await Server.Store.SaveTranslationAsync(saved.ArticleId, new TranslatedArticle(englishTitle, null,
            [new Paragraph("p", englishText, englishText)], null, "apertium", "es→en", 0), SiteServer.Now, ct);
        return saved.ArticleId;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
