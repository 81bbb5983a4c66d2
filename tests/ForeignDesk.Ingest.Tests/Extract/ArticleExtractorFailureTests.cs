using Xunit;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleExtractorFailureTests
{
    private readonly ArticleExtractor extractor = new();

    [Fact]
    public void Extract_BinaryJunk_IsNotHtml()
    {
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);

        var outcome = extractor.Extract(TestPages.Page(junk, contentType: null));

        Assert.Equal(ExtractFailure.NotHtml, outcome.Failure);
        Assert.Null(outcome.Article);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/jpeg")]
    [InlineData("application/json")]
    public void Extract_NonHtmlContentType_IsNotHtml(string contentType)
    {
        var outcome = extractor.Extract(TestPages.Page(TestPages.Article(), contentType));

        Assert.Equal(ExtractFailure.NotHtml, outcome.Failure);
        Assert.Contains(contentType, outcome.Message);
    }

    [Fact]
    public void Extract_PageWithoutText_IsNoArticleBody()
    {
        var outcome = extractor.Extract(TestPages.Page("<html><body><nav><a href='/'>Inicio</a></nav><div id='app'></div></body></html>"));

        Assert.Equal(ExtractFailure.NoArticleBody, outcome.Failure);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
    }

    [Fact]
    public void Extract_EmptyBody_IsEmpty()
    {
        Assert.Equal(ExtractFailure.Empty, extractor.Extract(TestPages.Page([])).Failure);
    }

    [Fact]
    public void Extract_TenMegabytesOfNestedDivs_FinishesWithResult()
    {
        var builder = new StringBuilder("<html><body>");
        const int depth = 10 * 1024 * 1024 / 11;
        for (var i = 0; i < depth; i++) builder.Append("<div>");
        builder.Append("<p>Texto enterrado en lo más hondo de la página, con comas, frases y palabras suficientes.</p>");
        builder.Append("</body></html>");

        var outcome = extractor.Extract(TestPages.Page(builder.ToString()));

        Assert.True(outcome.Article is not null || outcome.Failure is not null);
    }

    [Fact]
    public void Extract_HundredThousandLinks_FinishesWithResult()
    {
        var builder = new StringBuilder("<html><body><div>");
        for (var i = 0; i < 100_000; i++) builder.Append("<a href=\"/n/").Append(i).Append("\">enlace ").Append(i).Append("</a> ");
        builder.Append("</div><article><p>El único párrafo de verdad en esta página, largo, con comas, y con sentido.</p></article></body></html>");

        var outcome = extractor.Extract(TestPages.Page(builder.ToString()));

        Assert.NotNull(outcome.Article);
        Assert.Equal("El único párrafo de verdad en esta página, largo, con comas, y con sentido.", outcome.Article.Text);
    }

    [Fact]
    public void Extract_MalformedJsonLdAndMarkup_DoesNotThrow()
    {
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\": [\"NewsArticle\", {\"headline\": </script></head><body><p>Un párrafo largo, con comas, que el extractor debe encontrar sin problemas aunque el resto esté roto.<div><table><td>x</p></i></b>";

        var outcome = extractor.Extract(TestPages.Page(html));

        Assert.NotNull(outcome.Article);
        Assert.StartsWith("Un párrafo largo", outcome.Article.Text);
    }
}
