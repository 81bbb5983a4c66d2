using Xunit;
namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleExtractorBodyTests
{
    [Fact]
    public void Extract_TitleHasOutletSuffix_StripsIt()
    {
        var article = TestPages.Extract(TestPages.Article(head: """<meta property="og:site_name" content="El Diario"><meta property="og:title" content="La ley de vivienda, aprobada | El Diario">"""));

        Assert.Equal("La ley de vivienda, aprobada", article.Title);
    }

    [Fact]
    public void Extract_TitleOnlyInTitleElement_StripsShortSuffix()
    {
        var html = TestPages.Article().Replace("<h1>Titular de prueba</h1>", string.Empty);

        Assert.Equal("Titular de prueba", TestPages.Extract(html).Title);
    }

    [Fact]
    public void Extract_MidSentenceLink_StaysInsideOneParagraph()
    {
        var article = TestPages.Extract(TestPages.Article(extra:
            """<p>El texto, que puede consultarse en el <a href="/documentos/ley.pdf">Boletín Oficial</a> desde hoy, incluye <em>cambios</em> importantes.</p>"""));

        var paragraph = Assert.Single(article.Paragraphs, p => p.Text.Contains("Boletín Oficial"));
        Assert.Equal("El texto, que puede consultarse en el Boletín Oficial desde hoy, incluye cambios importantes.", paragraph.Text);
        Assert.Contains("""<a href="https://www.eldiario.es/documentos/ley.pdf" rel="nofollow noopener" target="_blank">Boletín Oficial</a>""", paragraph.Html);
        Assert.Contains("<em>cambios</em>", paragraph.Html);
        Assert.Equal(4, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_LinkTextWithTrailingMarker_DropsMarker()
    {
        var article = TestPages.Extract(TestPages.Article(extra:
            """<p>El libro, disponible en <a href="https://tienda.example/libro">esta tienda*</a>, analiza la crisis de la vivienda en España.</p>"""));

        var paragraph = Assert.Single(article.Paragraphs, p => p.Text.Contains("tienda"));
        Assert.Contains("en esta tienda, analiza", paragraph.Text);
        Assert.DoesNotContain("*", paragraph.Html);
    }

    [Theory]
    [InlineData("""<div class="related-news"><h3>Noticias relacionadas</h3><ul><li><a href="/a">Otra noticia sobre vivienda y alquiler</a></li></ul></div>""")]
    [InlineData("""<p>Más noticias: <a href="/b">El alquiler sube un 10% en Madrid</a></p>""")]
    [InlineData("""<p>Lee también: El alquiler sube un diez por ciento en Madrid</p>""")]
    [InlineData("""<div class="video-teaser"><p>Video: así fue la votación de la ley en el Congreso de los Diputados</p></div>""")]
    [InlineData("""<p>Vídeo: así fue la votación de la ley en el Congreso</p>""")]
    [InlineData("""<div class="newsletter-box"><p>Suscríbete a nuestro boletín diario con la mejor información política.</p></div>""")]
    [InlineData("""<div class="share-bar"><a href="https://x.example/share">Compartir en X</a> <span>Compartir por correo electrónico con amigos y familia</span></div>""")]
    [InlineData("""<p>elDiario.es es una oferta de Diario de Prensa Digital S.L.</p>""")]
    [InlineData("""<aside><p>Te puede interesar este otro artículo sobre la historia de la vivienda pública.</p></aside>""")]
    [InlineData("""<div class="ad-slot"><p>Publicidad de una inmobiliaria con pisos baratos en la costa.</p></div>""")]
    [InlineData("""<div id="cookie-consent"><p>Usamos cookies propias y de terceros para mejorar la experiencia.</p></div>""")]
    [InlineData("""<div class="comments"><p>Usuario123: Me parece fatal esta ley, ya veremos qué pasa con ella.</p></div>""")]
    public void Extract_BoilerplateInsideBody_IsDropped(string boilerplate)
    {
        var article = TestPages.Extract(TestPages.Article(extra: boilerplate));

        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
        Assert.StartsWith("Los propietarios", article.Paragraphs[2].Text);
    }

    [Fact]
    public void Extract_OutletFooterAndNav_AreNotInBody()
    {
        var article = TestPages.Extract(TestPages.Article());

        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("derechos reservados") || p.Text.Contains("Portada"));
    }

    [Fact]
    public void Extract_LeadElement_IsTeaserAndNotFirstParagraph()
    {
        var article = TestPages.Extract(TestPages.Article(
            before: """<p class="entradilla">La norma limita los precios del alquiler en las zonas tensionadas.</p>"""));

        Assert.Equal("La norma limita los precios del alquiler en las zonas tensionadas.", article.Teaser);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text == article.Teaser);
    }

    [Fact]
    public void Extract_DescriptionRepeatsFirstParagraph_ParagraphStaysAndTeaserIsNull()
    {
        var article = TestPages.Extract(TestPages.Article(head:
            """<meta name="description" content="El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas.">"""));

        Assert.Null(article.Teaser);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
    }

    [Fact]
    public void Extract_TruncatedDescriptionAndSeparateLead_LeadIsTeaserAndFirstParagraphStays()
    {
        var article = TestPages.Extract(TestPages.Article(
            head: """<meta name="description" content="El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda...">""",
            before: """<p class="entradilla">La norma limita los precios del alquiler en las zonas tensionadas.</p>"""));

        Assert.Equal("La norma limita los precios del alquiler en las zonas tensionadas.", article.Teaser);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
    }

    [Fact]
    public void Extract_DescriptionDiffersFromBody_IsTeaser()
    {
        var article = TestPages.Extract(TestPages.Article(head:
            """<meta name="description" content="Qué cambia para los inquilinos con la nueva ley.">"""));

        Assert.Equal("Qué cambia para los inquilinos con la nueva ley.", article.Teaser);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
    }

    [Fact]
    public void Extract_BlocksOfEveryKind_KeepKindAndOrder()
    {
        var article = TestPages.Extract(TestPages.Article(extra: """
            <h2>Qué cambia</h2>
            <ul><li>Precios <strong>limitados</strong></li><li>Más vivienda pública</li></ul>
            <blockquote><p>Es un día histórico para los inquilinos de todo el país</p></blockquote>
            """));

        Assert.Equal(["p", "p", "h2", "ul", "blockquote", "p"], article.Paragraphs.Select(p => p.Kind));
        Assert.Equal("<li>Precios <strong>limitados</strong></li><li>Más vivienda pública</li>", article.Paragraphs[3].Html);
        Assert.Equal("Es un día histórico para los inquilinos de todo el país", article.Paragraphs[4].Text);
    }

    [Fact]
    public void Extract_BodySplitOverSiblingContainers_KeepsAllParts()
    {
        const string html = """
            <html><body><main>
            <div class="story-text"><p>Primera parte de la noticia, con varias frases, comas y detalles que la hacen larga y creíble para el lector.</p>
            <p>Segunda frase larga de la primera parte, con más detalles, más comas, y más texto para que puntúe bien.</p></div>
            <div class="ad-slot"><p>Publicidad</p></div>
            <div class="story-text"><p>Tercera parte tras el anuncio, que sigue contando la historia con datos, cifras y testimonios de vecinos.</p>
            <p>Cuarta y última frase del texto, que cierra la noticia con una cita, una fecha y una conclusión clara.</p></div>
            </main></body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("Cuarta", article.Paragraphs[3].Text);
    }

    [Fact]
    public void Extract_PageWithoutMarkers_FindsDensestBlock()
    {
        const string html = """
            <html><body>
            <div><a href="/1">Inicio</a> <a href="/2">Deportes</a> <a href="/3">Cultura</a> <a href="/4">Economía</a></div>
            <div><div>
              <p>Los vecinos del barrio se concentraron ayer frente al ayuntamiento, con pancartas y silbatos, para pedir más autobuses.</p>
              <p>El alcalde, que no salió a recibirlos, prometió en un comunicado estudiar la propuesta, aunque no dio fechas.</p>
            </div></div>
            <div><a href="/5">Aviso legal</a> <a href="/6">Contacto</a></div>
            </body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("Los vecinos", article.Paragraphs[0].Text);
    }

    [Fact]
    public void Extract_OnlyJsonLdBody_UsesArticleBody()
    {
        const string html = """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Diario"},
             {"@type":"NewsArticle","headline":"Solo JSON","articleBody":"Primer párrafo del artículo, que solo existe en los datos estructurados de la página.\nSegundo párrafo, también largo, con información que el lector necesita para entender la noticia completa."}]}
            </script></head><body><div id="app"></div></body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal("Solo JSON", article.Title);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("Segundo párrafo", article.Paragraphs[1].Text);
    }
}
