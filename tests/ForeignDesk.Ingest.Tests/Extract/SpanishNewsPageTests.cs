using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class SpanishNewsPageTests
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="es-ES">
        <head>
          <meta charset="utf-8">
          <title>El Congreso aprueba la ley de amnistía tras un debate tenso - El Periódico Global</title>
          <meta property="og:site_name" content="El Periódico Global">
          <meta property="og:title" content="El Congreso aprueba la ley de amnistía tras un debate tenso | El Periódico Global">
          <meta property="og:description" content="La norma sale adelante con 178 votos a favor y 172 en contra.">
          <meta property="og:image" content="https://img.elperiodicoglobal.es/2024/03/congreso.jpg">
          <link rel="canonical" href="https://www.elperiodicoglobal.es/espana/congreso-aprueba-ley-amnistia_1_200.html">
          <script>window.dataLayer = [{"page":"article"}];</script>
          <script type="application/ld+json">
          {"@context":"https://schema.org","@graph":[
            {"@type":"Organization","name":"El Periódico Global","url":"https://www.elperiodicoglobal.es/"},
            {"@type":"NewsArticle","headline":"El Congreso aprueba la ley de amnistía tras un debate tenso",
             "description":"La norma sale adelante con 178 votos a favor y 172 en contra.",
             "datePublished":"2024-03-14T13:05:00+01:00","dateModified":"2024-03-14T18:40:00+01:00",
             "author":[{"@type":"Person","name":"Lucía Martín"},{"@type":"Person","name":"Pablo Ortega"}],
             "publisher":{"@type":"Organization","name":"El Periódico Global"},
             "articleSection":"España","keywords":["Congreso","Amnistía","Política"],
             "image":{"@type":"ImageObject","url":"https://img.elperiodicoglobal.es/2024/03/congreso.jpg"}}]}
          </script>
          <style>.ad{display:block}</style>
        </head>
        <body>
          <div id="cookie-banner"><p>Utilizamos cookies propias y de terceros. <a href="/cookies">Más información</a></p><button>Aceptar</button></div>
          <header class="site-header"><a href="/" class="logo">El Periódico Global</a>
            <nav class="main-menu"><ul><li><a href="/espana">España</a></li><li><a href="/internacional">Internacional</a></li><li><a href="/economia">Economía</a></li></ul></nav>
          </header>
          <div class="ad ad-top"><p>Publicidad</p></div>
          <main>
            <article class="article">
              <header class="article-header">
                <a class="section-tag" href="/espana">España</a>
                <h1>El Congreso aprueba la ley de amnistía tras un debate tenso</h1>
                <p class="article-lead">La norma sale adelante con 178 votos a favor y 172 en contra.</p>
                <div class="byline">Por <a href="/autores/lucia-martin" rel="author">Lucía Martín</a> y Pablo Ortega</div>
                <time datetime="2024-03-14T13:05:00+01:00">14 de marzo de 2024, 13:05</time>
              </header>
              <figure class="article-image">
                <img src="https://img.elperiodicoglobal.es/2024/03/congreso.jpg" alt="El hemiciclo durante la votación">
                <figcaption>El hemiciclo del Congreso durante la votación de este jueves. <span class="credit">Foto: Eduardo Parra / Europa Press</span></figcaption>
              </figure>
              <div class="share-bar"><a href="https://facebook.example/share">Facebook</a> <a href="https://x.example/share">X</a> <a href="mailto:?subject=x">Email</a></div>
              <div class="article-body">
                <p>El pleno del Congreso de los Diputados ha aprobado este jueves la ley de amnistía, una de las normas más debatidas de la legislatura, con el apoyo de los socios del Gobierno.</p>
                <p>Según el texto publicado en el <a href="https://www.boe.es/diario_boe/">Boletín Oficial del Estado</a>, la norma entrará en vigor al día siguiente de su publicación y afectará a cientos de personas.</p>
                <div class="ad ad-inline"><p>Publicidad</p></div>
                <div class="video-player"><p>Vídeo: Así ha sido la votación en el Congreso</p></div>
                <h2>Un debate de más de cuatro horas</h2>
                <p>Los portavoces de los grupos intercambiaron reproches durante toda la sesión, que se alargó hasta la tarde y terminó con aplausos en la bancada del Gobierno.</p>
                <div class="related-articles"><h3>Más noticias</h3><ul><li><a href="/espana/otra_1.html">El Senado prepara su veto</a></li><li><a href="/espana/otra_2.html">Las claves de la ley</a></li></ul></div>
                <blockquote><p>Hoy es un día importante para la convivencia, dijo la portavoz del Gobierno al terminar la votación.</p></blockquote>
                <p>La oposición ha anunciado que recurrirá la ley ante el Tribunal Constitucional en las próximas semanas, mientras que el Senado tiene dos meses para vetarla.</p>
              </div>
              <div class="newsletter-signup"><p>Recibe cada mañana las noticias más importantes en tu correo.</p><form><input type="email"></form></div>
              <div class="author-box"><p>Lucía Martín es periodista de la sección de España desde 2015 y cubre el Congreso.</p></div>
            </article>
            <aside class="most-read"><h2>Lo más leído</h2><ol><li><a href="/a">Noticia A</a></li><li><a href="/b">Noticia B</a></li></ol></aside>
          </main>
          <footer class="site-footer"><p>El Periódico Global es una oferta de Ediciones Globales S.L.</p><p>© El Periódico Global 2024</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Extract_RealisticSpanishPage_GivesCleanArticle()
    {
        var article = TestPages.Extract(Html, new Uri("https://elperiodicoglobal.es/espana/congreso-aprueba-ley-amnistia_1_200.html?utm_source=rss"));

        Assert.Equal("El Congreso aprueba la ley de amnistía tras un debate tenso", article.Title);
        Assert.Equal("La norma sale adelante con 178 votos a favor y 172 en contra.", article.Teaser);
        Assert.Equal("Lucía Martín, Pablo Ortega", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 3, 14, 13, 5, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 14, 18, 40, 0, TimeSpan.FromHours(1)), article.Modified);
        Assert.Equal("es", article.Language);
        Assert.Equal("https://www.elperiodicoglobal.es/espana/congreso-aprueba-ley-amnistia_1_200.html", article.CanonicalUrl);
        Assert.Equal("España", article.Section);
        Assert.Equal(["Congreso", "Amnistía", "Política"], article.Keywords);
        Assert.Equal("https://img.elperiodicoglobal.es/2024/03/congreso.jpg", article.Image!.Url);
        Assert.Equal("El hemiciclo del Congreso durante la votación de este jueves.", article.Image.Caption);
        Assert.Equal("Eduardo Parra / Europa Press", article.Image.Credit);

        Assert.Equal(["p", "p", "h2", "p", "blockquote", "p"], article.Paragraphs.Select(p => p.Kind));
        Assert.StartsWith("El pleno del Congreso", article.Paragraphs[0].Text);
        Assert.Equal("Un debate de más de cuatro horas", article.Paragraphs[2].Text);
        Assert.StartsWith("La oposición ha anunciado", article.Paragraphs[^1].Text);

        var linked = article.Paragraphs[1];
        Assert.Equal("Según el texto publicado en el Boletín Oficial del Estado, la norma entrará en vigor al día siguiente de su publicación y afectará a cientos de personas.", linked.Text);
        Assert.Contains("<a href=\"https://www.boe.es/diario_boe/\" rel=\"nofollow noopener\" target=\"_blank\">Boletín Oficial del Estado</a>", linked.Html);

        var text = article.Text;
        foreach (var chrome in new[] { "Publicidad", "Vídeo", "Más noticias", "Senado prepara", "cookies", "Recibe cada mañana", "periodista de la sección", "Lo más leído", "oferta de", "©", "Facebook", "178 votos" })
        {
            Assert.DoesNotContain(chrome, text);
        }
        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("<script", p.Html));
    }
}
