using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Web.Images;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>A small newsroom written through the store contract: two outlets, translated and untranslated articles.</summary>
public sealed class NewsSeed
{
    public required Source Diario { get; init; }
    public required Source Berria { get; init; }
    public required long Budget { get; init; }
    public required long Debate { get; init; }
    public required long Script { get; init; }
    public required long Basque { get; init; }

    public static async Task<NewsSeed> WriteAsync(IArticleStore store, DateTimeOffset now, string imageUrl, CancellationToken ct)
    {
        var diario = await store.AddSourceAsync(new SourceDraft("El Diario de Prueba", new Uri("https://diario.example/"),
            [new Uri("https://diario.example/rss")], "es", "News/Politics", "Europe/Madrid"), ct);
        var berria = await store.AddSourceAsync(new SourceDraft("Berria Proba", new Uri("https://berria.example/"),
            [new Uri("https://berria.example/rss")], "eu", "News/World", "Europe/Madrid"), ct);

        var budget = await SaveAsync(store, diario, "https://diario.example/politica/presupuesto",
            Article("El Gobierno aprueba el presupuesto", "El Consejo de Ministros da luz verde a las cuentas.", "María López",
                [new Paragraph("p", "El Gobierno <strong>aprobó</strong> ayer el presupuesto.", "El Gobierno aprobó ayer el presupuesto."),
                 new Paragraph("h2", "Las claves", "Las claves"),
                 new Paragraph("blockquote", "Es un buen día", "Es un buen día"),
                 new Paragraph("ul", "<li>Sanidad</li><li>Educación</li>", "Sanidad\nEducación")],
                new DateTimeOffset(2026, 11, 29, 8, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero),
                new ArticleImage(imageUrl, "El ministro en Madrid", "EFE")),
            new DateTimeOffset(2026, 11, 29, 8, 15, 0, TimeSpan.Zero), estimated: false, now, ct);
        // The lead image stands checked good, 16 × 9 as NewsSiteFixture.Png (checking images against a real outlet is ImageProxyTests' subject).
        await ((IImageCheckStore)store).SaveImageCheckAsync(new ImageCheck(budget, 0, ImageCache.Key(imageUrl), true, 16, 9, null, now), ct);
        await store.SaveTranslationAsync(budget, new TranslatedArticle("Government approves the budget",
            "The Council of Ministers gives the green light to the accounts.",
            [new Paragraph("p", "The Government <strong>approved</strong> the budget yesterday.", "The Government approved the budget yesterday."),
             new Paragraph("h2", "The keys", "The keys"),
             new Paragraph("blockquote", "It is a good day", "It is a good day"),
             new Paragraph("ul", "<li>Health</li><li>Education</li>", "Health\nEducation")],
            "The minister in Madrid", "apertium", "es→en", 0.02), now, ct);

        var debate = await SaveAsync(store, diario, "https://diario.example/politica/debate",
            Article("El Parlamento debate el presupuesto", "Los grupos discuten las cuentas.", null,
                [new Paragraph("p", "El Parlamento debate el presupuesto del Gobierno.", "El Parlamento debate el presupuesto del Gobierno.")],
                new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero), null, null),
            new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero), estimated: false, now, ct);
        await store.SaveTranslationAsync(debate, new TranslatedArticle("Parliament debates the budget", "The groups discuss the accounts.",
            [new Paragraph("p", "Parliament debates the Government's budget.", "Parliament debates the Government's budget.")],
            null, "apertium", "es→en", 0.05), now, ct);

        var script = await SaveAsync(store, diario, "https://diario.example/politica/script",
            Article("Titular <script>alert(1)</script>", null, "<b>Pepe</b>",
                [new Paragraph("p", "Texto.", "Texto.")], null, null, null) with { TeaserOnly = true },
            new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero), estimated: false, now, ct);
        await store.SaveTranslationAsync(script, new TranslatedArticle("Headline <script>alert(1)</script> & more", null,
            [new Paragraph("p", "Text.", "Text.")], null, "apertium", "es→en", 0), now, ct);

        var basque = await SaveAsync(store, berria, "https://berria.example/albisteak/1",
            Article("Gobernuak aurrekontua onartu du", "Ministroen Kontseiluak kontuak onartu ditu.", null,
                [new Paragraph("p", "Gobernuak atzo onartu zuen aurrekontua.", "Gobernuak atzo onartu zuen aurrekontua.")],
                null, null, null),
            new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), estimated: true, now, ct);
        await store.MarkAwaitingEngineAsync(basque, ct);

        // "You may like" is ranked when an article is placed in a story; the site only reads the ranked list.
        await ((IStoryStore)store).SaveRelatedAsync(budget, [debate, script], ct);

        await store.RecordProblemAsync(new FetchProblem(berria.Id, "https://berria.example/rss", "fetch",
            "HTTP 503 Service Unavailable <from feed>", now.AddMinutes(-5)), ct);

        return new NewsSeed { Diario = diario, Berria = berria, Budget = budget, Debate = debate, Script = script, Basque = basque };
    }

    internal static ExtractedArticle Article(string title, string? teaser, string? byline, IReadOnlyList<Paragraph> paragraphs,
        DateTimeOffset? published, DateTimeOffset? modified, ArticleImage? image) =>
        new(title, teaser, paragraphs, byline, published, modified, null, null, null, image, []);

    internal static async Task<long> SaveAsync(IArticleStore store, Source source, string url, ExtractedArticle article,
        DateTimeOffset publishedUtc, bool estimated, DateTimeOffset now, CancellationToken ct)
    {
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), now);
        var result = await store.SaveArticleAsync(new ArticleDraft(source.Id, url, source.Language!, article, publishedUtc, estimated,
            source.Category, url, page), now, ct);
        return result.ArticleId;
    }
}
