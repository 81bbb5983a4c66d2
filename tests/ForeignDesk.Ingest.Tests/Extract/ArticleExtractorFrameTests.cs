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
