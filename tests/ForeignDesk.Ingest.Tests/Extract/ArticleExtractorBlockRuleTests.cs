using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleExtractorBlockRuleTests
{
    private const string Sentence = "El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas de todo el país.";

    [Fact]
    public void Extract_SameMicrodataBodyTwice_TakesItOnce()
    {
        var body = $"""<div itemprop="articleBody"><p>{Sentence}</p><p>La norma entrará en vigor el próximo mes de junio, según fuentes del Ministerio de Vivienda.</p></div>""";
        var article = TestPages.Extract($"<html><body><h1>Ley</h1>{body}<div class=\"amp\">{body}</div></body></html>");

        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_ShareBarOfScriptLinks_IsDropped()
    {
        var article = TestPages.Extract(TestPages.Article(extra:
            """<div><a href="javascript:void(0)">Whatsapp</a> <a href="javascript:void(0)">Facebook</a> <a href="whatsapp://send">Baixar</a></div>"""));

        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("Whatsapp"));
    }

    [Fact]
    public void Extract_TextWrittenStraightIntoContainer_IsTheBody()
    {
        var article = TestPages.Extract($"""
            <html><body><div class="col-3"><ul><li><a href="/a">Abril</a></li><li><a href="/b">Marzo</a></li></ul></div>
            <div class="col-9"><p class="titulo">Ley de vivienda</p><img src="/a.jpg">{Sentence} {Sentence}<br><br>
            <div class="row"><a href="/share">Facebook</a></div></div>
            <footer><p>Ayuntamiento - Calle Mayor 1 - Teléfono 900 000 000 - Todos los servicios municipales en un solo lugar para los vecinos.</p></footer></body></html>
            """);

        Assert.Contains(article.Paragraphs, p => p.Text.StartsWith("El Gobierno aprobó", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("Ayuntamiento"));
    }

    [Fact]
    public void Extract_TableRowsWithDataNames_AreKeptAsLines()
    {
        var article = TestPages.Extract(TestPages.Article(extra: """
            <table><tr><td>Pos.</td><td>Piloto</td><td>Puntos</td></tr>
            <tr class="oddrow player-2020-1"><td>1</td><td>Kyle Busch</td><td>5040</td></tr>
            <tr class="evenrow player-2020-2"><td>2</td><td>Martin Truex</td><td>5035</td></tr></table>
            """));

        Assert.Contains(article.Paragraphs, p => p.Text == "1 | Kyle Busch | 5040");
        Assert.Contains(article.Paragraphs, p => p.Text == "2 | Martin Truex | 5035");
    }

    [Fact]
    public void Extract_LinkedTeaserCardsAfterBody_AreDropped()
    {
        var article = TestPages.Extract(TestPages.Article(extra: """
            <div class="next"><a href="/otra-noticia"><h5>Renault presenta su nuevo monovolumen de siete plazas</h5><p>El modelo mide menos de cuatro metros de largo y llegará en primavera.</p></a></div>
            """));

        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("Renault"));
    }

    [Fact]
    public void Extract_EmbeddedTweet_StaysInBody()
    {
        var article = TestPages.Extract(TestPages.Article(extra: """
            <blockquote class="twitter-tweet"><p>El Senado guarda un minuto de silencio por las víctimas.</p>— Senado (@Senado) 9 de octubre de 2018</blockquote>
            """));

        Assert.Contains(article.Paragraphs, p => p.Text.Contains("minuto de silencio"));
    }
}
