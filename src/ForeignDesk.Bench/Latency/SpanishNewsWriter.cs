using System.Globalization;
using System.Net;
using System.Text;

namespace ForeignDesk.Bench.Latency;

/// <summary>One article of the simulated world: its outlet, its number and when it goes out.</summary>
internal sealed record WorldArticle(int Index, int Outlet, TimeSpan PublishedAt);

/// <summary>
/// Spanish news pages with the chrome outlets wrap around them, from combined sentence parts so that every article
/// differs and the translation engine has real work; the same article number always gives the same page.
/// </summary>
internal static class SpanishNewsWriter
{
    private static readonly string[] Subjects =
    [
        "El Gobierno", "La alcaldesa de Sevilla", "El ministro de Economía", "Los sindicatos", "La oposición",
        "El Banco de España", "Los agricultores andaluces", "La comisión europea", "El consejo regional", "Los vecinos del barrio",
        "La empresa pública de transportes", "El presidente del club", "Los médicos de atención primaria", "La universidad", "El tribunal supremo",
    ];
    private static readonly string[] Verbs =
    [
        "anunció", "rechazó", "aprobó", "criticó", "defendió", "presentó", "negoció", "retrasó", "confirmó", "propuso",
        "investiga", "celebra", "reclama", "prepara", "estudia",
    ];
    private static readonly string[] Objects =
    [
        "un nuevo plan de vivienda", "la subida de los precios de la energía", "el presupuesto del próximo año",
        "una reforma de las pensiones", "el acuerdo con los transportistas", "la construcción de un hospital",
        "las ayudas para los jóvenes", "un proyecto de ley sobre el agua", "la ampliación del puerto",
        "el cierre de la fábrica", "una rebaja de impuestos", "el calendario de obras", "la compra de trenes eléctricos",
        "un programa contra la sequía", "la mejora de las carreteras",
    ];
    private static readonly string[] Places =
    [
        "en Madrid", "en la capital andaluza", "durante la reunión del martes", "tras varias semanas de debate",
        "ante la prensa", "en el Parlamento", "después de las elecciones", "en la provincia de Cádiz",
        "a pesar de las críticas", "con el apoyo de los alcaldes", "en una carta abierta", "frente al ayuntamiento",
    ];
    private static readonly string[] Tails =
    [
        "que costará {0} millones de euros", "que afectará a {0} familias", "según fuentes del ministerio",
        "con un plazo de {0} meses", "aunque los expertos piden prudencia", "y la medida entrará en vigor en enero",
        "mientras los precios suben un {0} por ciento", "lo que ha generado una gran polémica",
    ];
    private static readonly string[] Sections = ["Política", "Economía", "Sociedad", "Andalucía", "Deportes", "Cultura"];
    private static readonly string[] Authors = ["María López", "Javier Ruiz", "Carmen Ortega", "Luis Navarro", "Ana Beltrán"];

    public static string Path(WorldArticle article) => $"/noticias/{article.Index}/";

    /// <summary>The article number in a path written by <see cref="Path"/>, or null.</summary>
    public static int? IndexOf(string url)
    {
        var marker = url.IndexOf("/noticias/", StringComparison.Ordinal);
        if (marker < 0) return null;
        var rest = url[(marker + "/noticias/".Length)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    public static string Title(WorldArticle article) => Sentence(new Random(article.Index * 31 + 7), withTail: false);

    public static string Page(Uri baseUrl, string outletName, WorldArticle article, DateTimeOffset published)
    {
        var random = new Random(article.Index * 31 + 7);
        var title = WebUtility.HtmlEncode(Sentence(random, withTail: false));
        var teaser = WebUtility.HtmlEncode(Sentence(random, withTail: true));
        var paragraphs = Enumerable.Range(0, 4 + random.Next(3))
            .Select(_ => string.Join(' ', Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Sentence(random, withTail: true))))
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")
            .ToList();
        var section = Sections[random.Next(Sections.Length)];
        var author = Authors[random.Next(Authors.Length)];
        var date = published.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var url = new Uri(baseUrl, Path(article));
        var name = WebUtility.HtmlEncode(outletName);
        return $$"""
            <!DOCTYPE html>
            <html lang="es-ES">
            <head>
              <meta charset="utf-8">
              <title>{{title}} | {{name}}</title>
              <meta name="description" content="{{teaser}}">
              <meta property="og:title" content="{{title}}">
              <link rel="canonical" href="{{url}}">
              <script type="application/ld+json">
              {"@context":"https://schema.org","@type":"NewsArticle","headline":"{{title}}","datePublished":"{{date}}",
               "articleSection":"{{section}}","author":{"@type":"Person","name":"{{author}}"},"publisher":{"@type":"Organization","name":"{{name}}"} }
              </script>
            </head>
            <body>
              <header class="site-header"><a class="logo" href="/">{{name}}</a>
                <nav><ul><li><a href="/politica/">Política</a></li><li><a href="/economia/">Economía</a></li><li><a href="/suscribete/">Suscríbete</a></li></ul></nav>
              </header>
              <div class="ad ad-top" id="publicidad-superior">Publicidad: compre ahora su seguro de coche con un 30% de descuento</div>
              <main>
                <article class="noticia">
                  <p class="kicker">{{section}}</p>
                  <h1 class="titular">{{title}}</h1>
                  <p class="entradilla">{{teaser}}</p>
                  <div class="firma">Por <a rel="author" href="/autores/">{{author}}</a> · <time datetime="{{date}}">{{date}}</time></div>
                  <div class="share-bar"><a href="https://twitter.example/share">Compartir en Twitter</a></div>
                  <div class="cuerpo">
                    {{string.Join("\n        ", paragraphs)}}
                  </div>
                  <aside class="relacionadas"><h3>Más noticias</h3>
                    <ul><li><a href="/otras/1/">El tiempo para el fin de semana</a></li><li><a href="/otras/2/">Los precios de la gasolina bajan</a></li></ul>
                  </aside>
                  <div class="newsletter-box">Suscríbase a nuestro boletín diario y reciba las noticias en su correo.</div>
                </article>
              </main>
              <footer class="site-footer"><p>© 2026 {{name}}. Todos los derechos reservados. <a href="/aviso-legal/">Aviso legal</a></p></footer>
            </body>
            </html>
            """;
    }

    /// <param name="hub">The WebSub hub the feed names (with the feed's own URL as <paramref name="self"/>), if any.</param>
    public static string Feed(string outletName, Uri home, IEnumerable<(WorldArticle Article, DateTimeOffset Published)> items, Uri? hub = null, Uri? self = null)
    {
        var builder = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>")
            .Append(WebUtility.HtmlEncode(outletName)).Append("</title><link>").Append(home).Append("</link><language>es</language>\n");
        if (hub is not null && self is not null)
            builder.Append("<atom:link rel=\"hub\" href=\"").Append(hub).Append("\"/><atom:link rel=\"self\" href=\"").Append(self).Append("\"/>\n");
        foreach (var (article, published) in items)
        {
            builder.Append("<item><title>").Append(WebUtility.HtmlEncode(Title(article))).Append("</title><link>")
                .Append(new Uri(home, Path(article))).Append("</link><guid>").Append(new Uri(home, Path(article)))
                .Append("</guid><pubDate>").Append(published.ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>\n");
        }

        return builder.Append("</channel></rss>\n").ToString();
    }

    private static string Sentence(Random random, bool withTail)
    {
        var sentence = $"{Subjects[random.Next(Subjects.Length)]} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} {Places[random.Next(Places.Length)]}";
        if (withTail)
        {
            var number = random.Next(2, 900).ToString(CultureInfo.InvariantCulture);
            sentence += ", " + string.Format(CultureInfo.InvariantCulture, Tails[random.Next(Tails.Length)], number);
        }

        return sentence + ".";
    }
}
