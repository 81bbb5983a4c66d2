using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>
/// Outlets that publish in more than one language, on a local server, followed with a temporary SQLite file and the
/// real Apertium and Lingua, after one pipeline pass: a Spanish-configured outlet that also runs a German and a
/// Catalan article, and an outlet configured for Spanish and Catalan.
/// </summary>
public sealed class MixedLanguageWorld : IAsyncLifetime
{
    public const string MixedOutlet = "El Diario Mixto";
    public const string BilingualOutlet = "Diari Bilingüe";

    internal static readonly OutletArticle German = new(
        "mixto/2026/11/29/haushalt.html",
        "Die Bundesregierung stellt einen neuen Haushalt vor",
        "Der Finanzminister verspricht stabile Steuern.",
        [
            "Die Bundesregierung hat am Dienstag in Berlin einen neuen Haushalt für das kommende Jahr vorgestellt.",
            "Der Finanzminister erklärte, dass die Steuern nicht steigen werden und die Schulden langsam sinken sollen.",
            "Die Opposition kritisierte den Entwurf und forderte mehr Geld für Schulen und Krankenhäuser.",
        ],
        "Anna Schmidt",
        "2026-11-29T11:00:00+01:00",
        "Internacional",
        "img/berlin.jpg",
        "Der Finanzminister im Bundestag.",
        "dpa");

    internal static readonly OutletArticle Catalan = new(
        "mixto/2026/11/29/pressupost.html",
        "El Govern aprova el pressupost per a l'any que ve",
        "El conseller d'Economia promet que els impostos no pujaran.",
        [
            "El Govern va aprovar dimarts el pressupost per a l'any que ve després d'una llarga negociació amb els grups.",
            "El conseller d'Economia va explicar que els impostos no pujaran i que el deute baixarà a poc a poc.",
            "L'oposició va criticar el projecte i va demanar més diners per a les escoles i els hospitals.",
        ],
        "Jordi Puig",
        "2026-11-29T10:30:00+01:00",
        "Política",
        "img/parlament.jpg",
        "El conseller al Parlament.",
        "ACN");

    internal static readonly OutletArticle Spanish = new(
        "mixto/2026/11/29/presupuesto.html",
        "El Gobierno presenta el presupuesto del año que viene",
        "El ministro de Hacienda promete que los impuestos no subirán.",
        [
            "El Gobierno presentó el martes el presupuesto para el año que viene tras una larga negociación con los grupos.",
            "El ministro de Hacienda explicó que los impuestos no subirán y que la deuda bajará poco a poco.",
        ],
        "Lucía Vidal",
        "2026-11-29T10:00:00+01:00",
        "Política",
        "img/congreso.jpg",
        "El ministro en el Congreso.",
        "EFE");

    internal static readonly OutletArticle BilingualCatalan = Catalan with { Path = "bilingue/2026/11/29/pressupost.html" };

    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-mixed-").FullName;
    private WebApplication _site = null!;
    private OutletServer _outlets = null!;

    public HttpClient Browser { get; private set; } = null!;
    public IArticleStore Store => _site.Services.GetRequiredService<IArticleStore>();
    public Source Mixed { get; private set; } = null!;
    public Source Bilingual { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _outlets = await OutletServer.StartAsync(ct);
        Publish(_outlets, "mixto/rss.xml", MixedOutlet, [Spanish, German, Catalan]);
        Publish(_outlets, "bilingue/rss.xml", BilingualOutlet, [BilingualCatalan]);

        _site = await PipelineWorld.BuildSiteAsync(_data, ct);
        Mixed = await Store.AddSourceAsync(new SourceDraft(MixedOutlet, _outlets.Url("mixto/"),
            [_outlets.Url("mixto/rss.xml")], "es", "News/World", "Europe/Madrid"), ct);
        Bilingual = await Store.AddSourceAsync(new SourceDraft(BilingualOutlet, _outlets.Url("bilingue/"),
            [_outlets.Url("bilingue/rss.xml")], "es,ca", "News/World", "Europe/Madrid"), ct);

        await _site.Services.GetRequiredService<IngestPass>().RunAsync(ct);
        Browser = await PipelineWorld.StartSiteAsync(_site, ct);
    }

    internal async Task<StoredArticle> ArticleAsync(OutletArticle article, CancellationToken cancellationToken) =>
        await Store.FindByUrlAsync(_outlets.Url(article.Path).AbsoluteUri, cancellationToken)
            ?? throw new Xunit.Sdk.XunitException($"{article.Path} was not stored");

    private static void Publish(OutletServer server, string feed, string outlet, OutletArticle[] articles)
    {
        foreach (var article in articles)
            server.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(server.BaseUrl, article));
        server.Serve(feed, "application/rss+xml", OutletPages.Rss(outlet, server.BaseUrl,
            articles.Select(a => (server.Url(a.Path), a.Title, "Sun, 29 Nov 2026 10:00:00 GMT"))));
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        await _site.DisposeAsync();
        await _outlets.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
