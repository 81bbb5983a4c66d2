using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleExtractorFrameTests
{
    private const string Prose = """
        <p>El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas del país.</p>
        <p>La norma, que llega tras meses de negociación con los socios parlamentarios, entrará en vigor el próximo mes de junio, según fuentes del Ministerio.</p>
        <p>Los propietarios con más de diez viviendas deberán ajustar sus contratos, mientras que los pequeños propietarios tendrán incentivos fiscales nuevos.</p>
        <p>Las asociaciones de inquilinos celebraron la aprobación, aunque advirtieron de que vigilarán su aplicación en cada comunidad autónoma durante el año.</p>
        """;

    [Theory]
    [InlineData("""<div class="content-with-sidebar">{0}<div class="sidebar"><p>Lo más leído hoy en la web</p></div></div>""")]
    [InlineData("""<div class="widget Blog"><div class="post">{0}</div></div>""")]
    [InlineData("""<form id="aspnetForm"><div class="main">{0}</div></form>""")]
    public void Extract_FrameNamedLikeChromeHoldsTheProse_BodyIsFound(string frame)
    {
        var article = TestPages.Extract($"<html><head><title>Ley de vivienda</title></head><body><nav><a href=\"/\">Inicio</a></nav>{string.Format(frame, Prose)}</body></html>");

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
        Assert.DoesNotContain("Lo más leído", article.Text);
    }

    [Theory]
    [InlineData("en", "Sharing the road with trucks", "Comments from the city council", "The council voted on Monday to widen the bridge, a project that had waited for funding since the floods of last spring.", "Trucks will use the new lane from March, while cyclists keep the old one, the transport office said after the vote.")]
    [InlineData("es", "Comentarios de los vecinos del barrio", "Videovigilancia en las calles del centro", "Los vecinos pidieron más luz en las calles, una demanda que el Ayuntamiento atendió tras meses de reuniones.", "La policía instalará cámaras en tres plazas, aunque la medida deberá pasar antes por la comisión de privacidad.")]
    [InlineData("de", "Videoüberwachung in der ganzen Innenstadt", "Soziale Folgen für die Anwohner am Markt", "Die Stadt will im Frühjahr zwanzig neue Kameras aufstellen, wie der Bürgermeister am Montag im Rat ankündigte.", "Anwohner fürchten, dass die Mieten steigen, sobald der Markt umgebaut ist, und fordern eine Obergrenze.")]
    public void Extract_SectionsWhoseIdsAreTheirHeadings_AllComeOut(string language, string first, string second, string firstText, string secondText)
    {
        static string Anchor(string heading) => string.Join('-', heading.ToLowerInvariant().Split(' '));
        var html = $"""
            <html lang="{language}"><head><title>{first}</title></head><body><nav><a href="/">Home</a></nav>
            <div class="document"><div class="section" id="{Anchor(first)}-overview"><h1>{first}</h1>
              <p>{firstText}</p>
              <div class="section" id="{Anchor(first)}"><h2>{first}</h2><p>{secondText}</p><pre>lane --open 2025-03</pre></div>
              <div class="section" id="{Anchor(second)}"><h2>{second}</h2><p>{firstText} {secondText}</p></div>
              <div class="section" id="{Anchor("Sign up for our newsletter today")}"><h3>Sign up for our newsletter today</h3><p>Get the best stories from the council in your inbox every morning.</p></div>
            </div></div></body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Contains(article.Paragraphs, p => p.Text == firstText);
        Assert.Contains(article.Paragraphs, p => p.Text == secondText);
        Assert.Contains(article.Paragraphs, p => p.Text == second);
        Assert.Contains(article.Paragraphs, p => p.Text == firstText + " " + secondText);
        Assert.DoesNotContain("inbox", article.Text);
    }

    [Theory]
    [InlineData("es", "gallery-widget", "Foto {0} de 30: los vecinos protestan frente al Ayuntamiento por la subida del alquiler en el centro de la ciudad.")]
    [InlineData("fr", "widget-diaporama", "Photo {0} sur 30 : les habitants manifestent devant la mairie contre la hausse des loyers dans le centre-ville.")]
    [InlineData("de", "bildergalerie widget", "Bild {0} von 30: Anwohner protestieren vor dem Rathaus gegen die steigenden Mieten in der Innenstadt der Stadt.")]
    public void Extract_WidgetInsideMarkedBodyLargerThanTheText_IsLeftOut(string language, string widgetClass, string caption)
    {
        var captions = string.Concat(Enumerable.Range(1, 30).Select(i => $"<li><h2>{i}/30</h2><p>{string.Format(caption, i)}</p></li>"));
        var html = $"""
            <html lang="{language}"><head><title>Ley de vivienda</title></head><body><nav><a href="/">Inicio</a></nav>
            <article><h1>Ley de vivienda</h1><div class="article-body">{Prose}<div class="{widgetClass}"><ul class="legends">{captions}</ul></div></div></article>
            </body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
        Assert.DoesNotContain("30", article.Text);
    }

    [Theory]
    [InlineData("es", "Lectura: el alquiler sube otra vez en las capitales, según los datos del último trimestre publicados por el ministerio.")]
    [InlineData("de", "Kurz gemeldet: Die Mieten steigen in den großen Städten weiter, wie die neuen Zahlen des Ministeriums für das Quartal zeigen.")]
    [InlineData("it", "In breve: gli affitti salgono ancora nelle grandi città, secondo i dati dell'ultimo trimestre pubblicati dal ministero.")]
    public void Extract_ArticleOpenedInAModalOverAStream_IsTheBody(string language, string teaser)
    {
        var stream = string.Concat(Enumerable.Range(1, 12).Select(i => $"<article class=\"stream-item\"><h3><a href=\"/n/{i}\">Noticia {i}: el Gobierno estudia nuevas medidas para el mercado del alquiler</a></h3><p>{teaser}</p></article>"));
        var html = $"""
            <html lang="{language}"><head><title>Ley de vivienda</title></head><body>
            <div id="app"><div class="stream-column"><div id="stream">{stream}</div></div></div>
            <div class="overlay"><div class="render-target-modal"><article><h1>Ley de vivienda</h1><div class="canvas">{Prose}{Prose.Replace("El Gobierno", "El Ejecutivo")}</div></article></div></div>
            </body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal(8, article.Paragraphs.Count);
        Assert.StartsWith("El Gobierno aprobó", article.Paragraphs[0].Text);
        Assert.DoesNotContain(teaser, article.Text);
    }

    [Theory]
    [InlineData("style=\"visibility: hidden\"", "Ein älterer Entwurf des Textes, den die Seite verbirgt: Die Stadt plante zunächst zehn Kameras.")]
    [InlineData("style=\"display:none\"", "Une version antérieure que la page cache : la ville prévoyait d'abord dix caméras seulement.")]
    [InlineData("hidden", "Una versión anterior que la página oculta: el Ayuntamiento preveía al principio solo diez cámaras.")]
    public void Extract_HiddenBlockLargerThanTheVisibleBody_IsLeftOut(string hiding, string hidden)
    {
        var copy = string.Concat(Enumerable.Range(1, 8).Select(_ => $"<p>{hidden}</p>"));
        var html = $"""
            <html><head><title>Ley de vivienda</title></head><body><article><h1>Ley de vivienda</h1>
            <div {hiding}>{copy}</div><h2>Ley</h2><div>{Prose}</div></article></body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal(4, article.Paragraphs.Count(p => p.Kind == "p"));
        Assert.DoesNotContain(hidden, article.Text);
    }

    [Fact]
    public void Extract_OnlyProseOfThePageHidden_IsStillTheBody()
    {
        var html = $"""<html><head><title>Ley de vivienda</title></head><body><nav><a href="/">Inicio</a></nav><article><h1>Ley de vivienda</h1><div style="display:none">{Prose}</div></article></body></html>""";

        var article = TestPages.Extract(html);

        Assert.Equal(4, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("read-more")]
    [InlineData("leer-mas")]
    public void Extract_RestOfMarkedBodyBehindReadMore_ComesOut(string id)
    {
        var intro = "<p>El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas del país, "
            + "una medida que sus socios reclamaban desde hacía dos años y que el sector inmobiliario recibió con críticas muy duras durante toda la jornada de ayer.</p>"
            + "<p>La ministra defendió en rueda de prensa que la norma protegerá a más de un millón de hogares, sobre todo en las grandes ciudades y en las zonas turísticas de la costa.</p>";
        var html = $"""
            <html><head><title>Ley de vivienda</title></head><body><nav><a href="/">Inicio</a></nav>
            <article><h1>Ley de vivienda</h1><div class="story-body">{intro}<div id="{id}">{Prose}{Prose.Replace("El Gobierno", "El Ejecutivo")}</div></div></article>
            </body></html>
            """;

        var article = TestPages.Extract(html);

        Assert.Equal(10, article.Paragraphs.Count);
        Assert.StartsWith("El Ejecutivo aprobó", article.Paragraphs[6].Text);
    }

    [Theory]
    [InlineData("Die Stadt baut eine neue Brücke.", "Sie soll im Mai fertig sein.", "Mehr folgt")]
    [InlineData("La ville construit un pont.", "Il sera prêt en mai.", "À suivre")]
    [InlineData("La ciudad construye un puente.", "Estará listo en mayo.", "Seguirá")]
    public void Extract_PageWhoseOnlyTextIsInsideAScriptHandle_KeepsThatText(string first, string second, string loose)
    {
        var article = TestPages.Extract($"""<html><head><title>Brücke</title></head><body><a href="javascript:void(0)"><p>{first}</p><p>{second}</p>{loose}</a></body></html>""");

        Assert.Equal([first, second, loose], article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Extract_LinkWithChromeLikeClassInsideSentence_KeepsItsWords()
    {
        var article = TestPages.Extract(TestPages.Article(extra:
            """<p>El tenista <a class="sn-player-post-link" href="/players/nadal">Rafael Nadal</a> celebró la victoria en Madrid con el público.</p>"""));

        Assert.Contains("El tenista Rafael Nadal celebró", article.Text);
    }

    [Theory]
    [InlineData("Updated 1:39 am EST, Wednesday, November 20, 2019")]
    [InlineData("18 NOV 2019")]
    [InlineData("Tempo de leitura: 2 minutos")]
    [InlineData("기사입력 :[ 2018-08-25 15:24 ]")]
    [InlineData("You may also like...")]
    [InlineData("Back to Gallery")]
    public void Extract_DateOrInterfaceLineInBody_IsDropped(string line)
    {
        var article = TestPages.Extract(TestPages.Article(extra: $"<p>{line}</p>"));

        Assert.Equal(3, article.Paragraphs.Count);
        Assert.DoesNotContain(line, article.Text);
    }

    [Theory]
    [InlineData("Top 10")]
    [InlineData("4:14 p.m.")]
    [InlineData("-1.41%")]
    public void Extract_ShortLineThatIsNotADate_IsKept(string line)
    {
        var article = TestPages.Extract(TestPages.Article(extra: $"<p>{line}</p>"));

        Assert.Contains(article.Paragraphs, p => p.Text == line);
    }
}
