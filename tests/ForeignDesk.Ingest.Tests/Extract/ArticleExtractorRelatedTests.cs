using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleExtractorRelatedTests
{
    private const string Page = """
        <html><head><title>Quem se ama</title></head><body><div class="main">
        <article class="post"><h1>Quem se ama</h1>
        <p>Quem se ama não aceita migalhas de ninguém, porque sabe que merece um amor inteiro, cheio de cuidado, respeito e verdade em cada gesto.</p>
        <p>Quem se ama aprende a dizer não, a se afastar do que faz mal e a escolher a própria paz, mesmo quando isso custa algumas despedidas.</p>
        </article>
        <article class="post"><h3 class="relatedpoststitle">Você pode gostar...</h3>
        <article class="post"><p>A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor acontecer, sem reclamar na primeira queda, aprendendo sempre.</p></article>
        <article class="post"><p>O que une uma família é o amor, o carinho, o querer bem, a certeza de apoio, as mãos estendidas e o incentivo para buscar sonhos e felicidade.</p></article>
        </article></div></body></html>
        """;

    [Fact]
    public void Extract_TeasersAfterRelatedHeading_AreDropped()
    {
        var article = TestPages.Extract(Page);

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.All(article.Paragraphs, p => Assert.StartsWith("Quem se ama", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_BodyAfterRelatedHeading_IsKept()
    {
        // A related-links heading in the same container as the body does not take the body with it.
        var article = TestPages.Extract(TestPages.Article(before: """<h3 class="related-title">Relacionados</h3>"""));

        Assert.Contains(article.Paragraphs, p => p.Text.StartsWith("El Gobierno aprobó", StringComparison.Ordinal));
        Assert.Contains(article.Paragraphs, p => p.Text.StartsWith("Los propietarios", StringComparison.Ordinal));
    }
}
