using System.Net;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>An article as an outlet's page carries it, with the page chrome real outlets wrap around it.</summary>
internal sealed record OutletArticle(
    string Path,
    string Title,
    string Teaser,
    string[] Paragraphs,
    string Author,
    string Published,
    string Section,
    string ImagePath,
    string Caption,
    string Credit,
    bool SectionOnlyInBreadcrumb = false,
    OutletFigure? SecondFigure = null);

/// <summary>
/// An article whose page says who wrote it and when only in a line above its first paragraph (<paramref name="Line"/>:
/// "Par Claire Dubois"), with nothing machine-readable beside it: no description, no JSON-LD, no author tag.
/// </summary>
internal sealed record LinedArticle(string Path, string Lang, string Title, string Line, string[] Paragraphs, string ImagePath, string Caption, string Credit);

/// <summary>An image inside the body, after the paragraph numbered <paramref name="After"/>.</summary>
internal sealed record OutletFigure(string ImagePath, string Caption, string Credit, int After);

/// <summary>Pages and feeds in the shapes outlets serve them.</summary>
internal static class OutletPages
{
    public const string SpanishOutlet = "La Voz del Sur";
    public const string FrenchOutlet = "Le Courrier du Matin";
    public const string LinedOutlet = "Gaceta del Puerto";

    /// <summary>A Spanish outlet's page: navigation, ads, a video teaser, a related block, JSON-LD, a figure, its own footer.</summary>
    public static string Spanish(Uri baseUrl, OutletArticle article) => $$"""
        <!DOCTYPE html>
        <html lang="es-ES">
        <head>
          <meta charset="utf-8">
          <title>{{article.Title}} | {{SpanishOutlet}}</title>
          <meta name="description" content="{{article.Teaser}}">
          <meta property="og:title" content="{{article.Title}}">
          <meta property="og:image" content="{{new Uri(baseUrl, article.ImagePath)}}">
          <link rel="canonical" href="{{new Uri(baseUrl, article.Path)}}?utm_source=portada">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"NewsArticle","headline":"{{article.Title}}",
           "description":"{{article.Teaser}}","datePublished":"{{article.Published}}",{{(article.SectionOnlyInBreadcrumb ? "" : $"\"articleSection\":\"{article.Section}\",")}}
           "author":{"@type":"Person","name":"{{article.Author}}"},
           "publisher":{"@type":"Organization","name":"{{SpanishOutlet}}"},
           "image":{"@type":"ImageObject","url":"{{new Uri(baseUrl, article.ImagePath)}}"} }
          </script>
          <script>window.dataLayer = [];</script>
        </head>
        <body>
          <header class="site-header">
            <a class="logo" href="/">{{SpanishOutlet}}</a>
            <nav class="main-nav"><ul><li><a href="/politica/">Política</a></li><li><a href="/economia/">Economía</a></li>
              <li><a href="/deportes/">Deportes</a></li><li><a href="/suscribete/">Suscríbete</a></li></ul></nav>
          </header>
          <div class="ad ad-top" id="publicidad-superior">Publicidad: Compre ahora su seguro de coche con un 30% de descuento</div>
          <main>
            {{Breadcrumb(article)}}
            <article class="noticia">
              <p class="kicker">{{article.Section}}</p>
              <h1 class="titular">{{article.Title}}</h1>
              <p class="entradilla">{{article.Teaser}}</p>
              <div class="firma">Por <a rel="author" href="/autores/">{{article.Author}}</a> · <time datetime="{{article.Published}}">29/11/2026</time></div>
              <div class="share-bar"><a href="https://twitter.example/share">Compartir en Twitter</a> <a href="https://facebook.example/share">Facebook</a></div>
              <figure class="foto-principal">
                <img src="{{article.ImagePath}}" alt="{{article.Caption}}">
                <figcaption>{{article.Caption}} <span class="credito">Foto: {{article.Credit}}</span></figcaption>
              </figure>
              <div class="cuerpo">
                {{string.Join("\n        ", article.Paragraphs.Take(2).Select((p, i) => $"<p>{p}</p>" + Figure(article, i + 1)))}}
                <div class="video-teaser"><span>Vídeo:</span> <a href="/videos/rueda-de-prensa/">Así fue la rueda de prensa del ministro</a></div>
                {{string.Join("\n        ", article.Paragraphs.Skip(2).Select((p, i) => $"<p>{p}</p>" + Figure(article, i + 3)))}}
              </div>
              <aside class="relacionadas">
                <h3>Más noticias</h3>
                <ul><li><a href="/otras/1/">El tiempo para el fin de semana en Sevilla</a></li>
                    <li><a href="/otras/2/">Los precios de la gasolina bajan de nuevo</a></li></ul>
              </aside>
              <div class="newsletter-box">Suscríbase a nuestro boletín diario y reciba las noticias en su correo.
                <form action="/newsletter"><input type="email" name="email"><button>Enviar</button></form></div>
            </article>
          </main>
          <div class="ad" id="publicidad-inferior">Publicidad</div>
          <footer class="site-footer">
            <p>{{SpanishOutlet}} es una oferta de Grupo Editorial del Sur S.L.</p>
            <p>© 2026 {{SpanishOutlet}}. Todos los derechos reservados. <a href="/aviso-legal/">Aviso legal</a> <a href="/cookies/">Cookies</a></p>
          </footer>
        </body>
        </html>
        """;

    /// <summary>A breadcrumb trail (home, section, the article) when the page gives its section only there.</summary>
    private static string Breadcrumb(OutletArticle article) => !article.SectionOnlyInBreadcrumb ? "" : $"""
        <nav aria-label="Migas de pan" class="breadcrumb"><ol>
          <li><a href="/">Portada</a></li>
          <li><a href="/{article.Section.ToLowerInvariant()}/">{article.Section}</a></li>
          <li aria-current="page">{article.Title}</li>
        </ol></nav>
        """;

    /// <summary>The second image, in the body after the given paragraph: lazily loaded, with a tracking pixel beside it.</summary>
    private static string Figure(OutletArticle article, int after) => article.SecondFigure is not { } figure || figure.After != after ? "" : $"""

        <figure class="foto-cuerpo">
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{figure.ImagePath}" width="800" height="533" alt="">
          <figcaption>{figure.Caption} <span class="credito">Foto: {figure.Credit}</span></figcaption>
        </figure>
        <img src="/stats/pixel.gif?a=1" width="1" height="1" alt="">
        """;

    /// <summary>A French outlet's page with OpenGraph and article meta tags instead of JSON-LD.</summary>
    public static string French(OutletArticle article) => $$"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <title>{{article.Title}} - {{FrenchOutlet}}</title>
          <meta property="og:title" content="{{article.Title}}">
          <meta property="og:description" content="{{article.Teaser}}">
          <meta property="article:published_time" content="{{article.Published}}">
          <meta property="article:section" content="{{article.Section}}">
          <meta name="author" content="{{article.Author}}">
        </head>
        <body>
          <nav><a href="/">Accueil</a> <a href="/monde/">Monde</a> <a href="/france/">France</a></nav>
          <article>
            <h1>{{article.Title}}</h1>
            <p class="chapo">{{article.Teaser}}</p>
            {{string.Join("\n    ", article.Paragraphs.Select(p => $"<p>{p}</p>"))}}
            <section class="lire-aussi"><h4>À lire aussi</h4><a href="/autre/">Un autre article sans rapport</a></section>
          </article>
          <footer><p>© {{FrenchOutlet}} 2026</p></footer>
        </body>
        </html>
        """;

    /// <summary>A plain page: the byline or byline-and-date line is the body's first paragraph, the credit in the caption's last words.</summary>
    public static string Lined(LinedArticle article) => $"""
        <!DOCTYPE html>
        <html lang="{article.Lang}">
        <head>
          <meta charset="utf-8">
          <title>{article.Title} | {LinedOutlet}</title>
          <meta property="og:image" content="{article.ImagePath}">
        </head>
        <body>
          <nav><a href="/">{LinedOutlet}</a> <a href="/local/">Local</a> <a href="/mundo/">Mundo</a></nav>
          <article>
            <h1>{article.Title}</h1>
            <figure>
              <img src="{article.ImagePath}" alt="">
              <figcaption>{article.Caption} <span class="credit">{article.Credit}</span></figcaption>
            </figure>
            <div class="texto">
              <p>{article.Line}</p>
              {string.Join("\n      ", article.Paragraphs.Select(p => $"<p>{p}</p>"))}
            </div>
          </article>
          <footer><p>© {LinedOutlet} 2026</p></footer>
        </body>
        </html>
        """;

    public static string Rss(string title, Uri home, IEnumerable<(Uri Link, string Title, string Date)> items) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>{WebUtility.HtmlEncode(title)}</title>
            <link>{home}</link>
            <language>es</language>
            {string.Concat(items.Select(i => $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{i.Link}</link><pubDate>{i.Date}</pubDate></item>"))}
          </channel>
        </rss>
        """;
}
