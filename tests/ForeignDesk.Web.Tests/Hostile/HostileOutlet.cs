using System.Net;
using System.Text.Json;
using ForeignDesk.Web.Tests.EndToEnd;

namespace ForeignDesk.Web.Tests.Hostile;

/// <summary>
/// An outlet that puts an XSS vector in every field it controls: feed titles, descriptions, authors, categories and
/// links; page titles, teasers, bylines, paragraphs, captions, credits, JSON-LD and image and canonical URLs.
/// </summary>
internal static class HostileOutlet
{
    public const string Name = "El Diario Hostil";
    public const string GermanName = "Der Feindliche Bote";

    private const int VectorsPerArticle = 12;

    /// <summary>Lays the Spanish outlet out under <c>es/</c> and the German one under <c>de/</c>.</summary>
    public static void Publish(OutletServer server)
    {
        var vectors = XssVectors.All;
        var spanish = new List<(string Path, string Title, string Vector)>();
        var count = (vectors.Count + VectorsPerArticle - 1) / VectorsPerArticle;
        for (var n = 0; n < count; n++)
        {
            var own = vectors.Skip(n * VectorsPerArticle).Take(VectorsPerArticle).ToArray();
            string V(int i) => vectors[(n * 7 + i) % vectors.Count];
            var path = $"es/noticias/2026/11/29/noticia-{n}.html";
            var image = n % 2 == 0 ? server.Url($"es/img/foto-{n}.jpg").AbsoluteUri : XssVectors.Urls[n % XssVectors.Urls.Length];
            var canonical = n % 3 == 0 ? XssVectors.Urls[(n + 1) % XssVectors.Urls.Length] : server.Url(path).AbsoluteUri;
            var title = $"El Gobierno aprueba la reforma número {n} {V(0)}";
            server.Serve(path, "text/html; charset=utf-8", Page(title, $"El resumen de la reforma explica sus efectos {V(1)}", V(2),
                own.Select((v, i) => $"El párrafo {i} de la noticia cuenta lo que ha pasado en el parlamento esta semana. {v} Los diputados votaron la ley.")
                    .Append(string.Join(" ", XssVectors.Urls.Select(u => $"Según <a href=\"{Attribute(u)}\">la fuente</a> y <img src=\"{Attribute(u)}\" alt=\"foto\"> la ley se votó.")))
                    .ToArray(),
                image, $"La ministra en el parlamento {V(3)}", V(4), canonical, V(5),
                XssVectors.Urls[(n + 2) % XssVectors.Urls.Length], XssVectors.Urls[(n + 4) % XssVectors.Urls.Length]));
            spanish.Add((path, title, V(6)));
        }
        server.Serve("es/rss.xml", "application/rss+xml; charset=utf-8", Rss(Name, server, spanish));

        var german = new List<(string Path, string Title, string Vector)>();
        for (var n = 0; n < 2; n++)
        {
            var path = $"de/nachrichten/2026/11/29/bericht-{n}.html";
            var title = $"Die Regierung beschließt die Reform Nummer {n}";
            server.Serve(path, "text/html; charset=utf-8", Page(title, "Die Zusammenfassung erklärt die Folgen der Reform für die Bürger.", "Anna Müller",
                [
                    "Der Bundestag hat am Dienstag das neue Gesetz mit großer Mehrheit beschlossen.",
                    "Die Ministerin sagte, dass die Reform im nächsten Jahr in Kraft treten wird.",
                    "Die Opposition kritisierte den Plan und kündigte eine Klage an.",
                ],
                server.Url($"de/img/bild-{n}.jpg").AbsoluteUri, "Die Ministerin im Bundestag.", "dpa", server.Url(path).AbsoluteUri, "Politik",
                server.Url($"de/img/bild-{n}.jpg").AbsoluteUri, server.Url($"de/img/bild-{n}.jpg").AbsoluteUri));
            german.Add((path, title, "Politik"));
        }
        server.Serve("de/rss.xml", "application/rss+xml; charset=utf-8", Rss(GermanName, server, german));
    }

    /// <summary>How many articles the Spanish outlet publishes.</summary>
    public static int SpanishArticles => (XssVectors.All.Count + VectorsPerArticle - 1) / VectorsPerArticle;

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private static string Cdata(string value) => value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal);

    private static string Attribute(string value) => value.Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Page(string title, string teaser, string author, string[] paragraphs, string image, string caption, string credit, string canonical, string section, string jsonImage, string openGraphImage) => $$"""
        <!DOCTYPE html>
        <html lang="es">
        <head>
          <meta charset="utf-8">
          <title>{{title}}</title>
          <meta name="description" content="{{Attribute(teaser)}}">
          <meta property="og:title" content="{{Attribute(title)}}">
          <meta property="og:image" content="{{Attribute(openGraphImage)}}">
          <meta name="author" content="{{Attribute(author)}}">
          <link rel="canonical" href="{{Attribute(canonical)}}">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"NewsArticle","headline":{{Json(title)}},"description":{{Json(teaser)}},
           "datePublished":"2026-11-29T09:15:00+01:00","articleSection":{{Json(section)}},
           "author":{"@type":"Person","name":{{Json(author)}}},"image":{"@type":"ImageObject","url":{{Json(jsonImage)}},"caption":{{Json(caption)}} } }
          </script>
        </head>
        <body>
          <article>
            <h1>{{title}}</h1>
            <p class="entradilla">{{teaser}}</p>
            <div class="firma">Por <a rel="author" href="/autores/">{{author}}</a> <time datetime="2026-11-29T09:15:00+01:00">29/11/2026</time></div>
            <figure><img src="{{Attribute(image)}}" alt="{{Attribute(caption)}}"><figcaption>{{caption}} <span class="credito">Foto: {{credit}}</span></figcaption></figure>
            <div class="cuerpo">
              {{string.Join("\n      ", paragraphs.Select(p => $"<p>{p}</p>"))}}
            </div>
          </article>
        </body>
        </html>
        """;

    private static string Rss(string title, OutletServer server, IEnumerable<(string Path, string Title, string Vector)> items)
    {
        var hostileItems = XssVectors.Urls.Take(3).Select((url, i) =>
            $"<item><title>{WebUtility.HtmlEncode(XssVectors.All[i])}</title><link>{WebUtility.HtmlEncode(url)}</link><pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate></item>");
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>{WebUtility.HtmlEncode(title + " " + XssVectors.All[0])}</title>
                <link>{server.BaseUrl}</link>
                <description>{WebUtility.HtmlEncode(XssVectors.All[6])}</description>
                {string.Concat(items.Select(i => $"""
                    <item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{server.Url(i.Path)}</link>
                      <description><![CDATA[<p>{Cdata(i.Vector)}</p>]]></description><dc:creator>{WebUtility.HtmlEncode(i.Vector)}</dc:creator>
                      <category>{WebUtility.HtmlEncode(i.Vector)}</category><pubDate>Sun, 29 Nov 2026 08:15:00 GMT</pubDate></item>
                    """))}
                {string.Concat(hostileItems)}
              </channel>
            </rss>
            """;
    }
}
