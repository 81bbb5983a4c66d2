using Xunit;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Tests.Extract;

internal static class TestPages
{
    public static readonly Uri ArticleUrl = new("https://www.eldiario.es/politica/gobierno-aprueba-ley_1_100.html");

    public static FetchedPage Page(byte[] body, string? contentType = "text/html; charset=utf-8", Uri? url = null) =>
        new(url ?? ArticleUrl, url ?? ArticleUrl, 200, contentType, body, new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero));

    public static FetchedPage Page(string html, string? contentType = "text/html; charset=utf-8") => Page(Encoding.UTF8.GetBytes(html), contentType);

    public static ExtractedArticle Extract(string html, Uri? url = null)
    {
        var outcome = new ArticleExtractor().Extract(Page(Encoding.UTF8.GetBytes(html), url: url));
        Assert.True(outcome.Article is not null, $"{outcome.Failure}: {outcome.Message}");
        return outcome.Article;
    }

    /// <summary>A page with a body long enough to be found, with <paramref name="head"/> and <paramref name="extra"/> added.</summary>
    public static string Article(string head = "", string extra = "", string before = "", string after = "") => $"""
        <!doctype html><html lang="es"><head><meta charset="utf-8"><title>Titular de prueba - El Diario</title>{head}</head>
        <body>
        <nav><ul><li><a href="/">Portada</a></li><li><a href="/politica">Política</a></li></ul></nav>
        <article>
          <h1>Titular de prueba</h1>
          {before}
          <div class="article-body">
            <p>El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas.</p>
            <p>La norma, que llega tras meses de negociación con los socios parlamentarios, entrará en vigor el próximo mes de junio, según fuentes del Ministerio.</p>
            {extra}
            <p>Los propietarios con más de diez viviendas deberán ajustar sus contratos, mientras que los pequeños propietarios tendrán incentivos fiscales.</p>
          </div>
          {after}
        </article>
        <footer><p>© El Diario 2024. Todos los derechos reservados.</p></footer>
        </body></html>
        """;
}
