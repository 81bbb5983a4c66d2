using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class BodyImageTests
{
    private static ExtractedArticle WithBodyImage(string extra, string head = "", string before = "") =>
        TestPages.Extract(TestPages.Article(head: head, extra: extra, before: before));

    private static string At(string path) => new Uri(TestPages.ArticleUrl, path).AbsoluteUri;

    [Fact]
    public void Extract_FigureInBody_IsListedWithCaptionCreditAbsoluteUrlAndPlace()
    {
        var article = WithBodyImage("""
            <figure><img src="../img/pleno.jpg" width="800" height="533" alt=""><figcaption>El pleno del Congreso durante la votación. <span class="credit">Foto: Ana Gil / EFE</span></figcaption></figure>
            """);

        var image = Assert.Single(article.Images);
        Assert.Equal("https://www.eldiario.es/img/pleno.jpg", image.Url);
        Assert.Equal("El pleno del Congreso durante la votación.", image.Caption);
        Assert.Equal("Ana Gil / EFE", image.Credit);
        Assert.Equal(2, image.Position);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("pleno del Congreso", StringComparison.Ordinal));
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_LeadImage_IsNotRepeatedAmongBodyImages()
    {
        var article = WithBodyImage(
            extra: """
                <figure><img src="/img/lead-400x300.jpg"><figcaption>Otra vez la foto principal.</figcaption></figure>
                <figure><img src="/img/segunda.jpg"><figcaption>La segunda foto.</figcaption></figure>
                """,
            head: """<meta property="og:image" content="https://www.eldiario.es/img/lead-1200x800.jpg">""",
            before: """<figure><img src="/img/lead.jpg"><figcaption>La foto principal. © Reuters</figcaption></figure>""");

        Assert.Equal("La foto principal.", article.Image!.Caption);
        var image = Assert.Single(article.Images);
        Assert.Equal(At("/img/segunda.jpg"), image.Url);
    }

    [Fact]
    public void Extract_SizeVariantsOfOneImage_AreListedOnce()
    {
        var article = WithBodyImage("""
            <img src="/img/a-800x600.jpg" srcset="/img/a-400x300.jpg 400w, /img/a-800x600.jpg 800w, /img/a-1600x1200.jpg 1600w">
            <p class="caption">Una calle de Madrid.</p>
            <img src="/img/a-1600x1200.jpg?itok=xyz">
            <picture><source srcset="/img/b@2x.webp 2x, /img/b.webp 1x" type="image/webp"><img src="/img/b.webp"></picture>
            <img data-src="/img/b.webp" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            """);

        Assert.Equal([At("/img/a-800x600.jpg"), At("/img/b.webp")], article.Images.Select(i => i.Url));
        Assert.Equal("Una calle de Madrid.", article.Images[0].Caption);
    }

    [Fact]
    public void Extract_LazyImageWithNoscriptCopy_IsListedOnceWithItsRealUrl()
    {
        var article = WithBodyImage("""
            <img class="lazyload" src="/img/placeholder.gif" data-src="/img/real.jpg"><noscript><img src="/img/real.jpg"></noscript>
            """);

        Assert.Equal(At("/img/real.jpg"), Assert.Single(article.Images).Url);
    }

    [Theory]
    [InlineData("""<img src="/stats/pixel.gif" width="1" height="1">""")]
    [InlineData("""<img src="/img/foto.jpg" width="80" height="60">""")]
    [InlineData("""<img src="/img/foto.jpg" style="width:1px;height:1px">""")]
    [InlineData("""<img src="/static/icons/share.png">""")]
    [InlineData("""<img class="site-logo" src="/img/marca.png">""")]
    [InlineData("""<img src="/img/el-diario-logo.png">""")]
    [InlineData("""<img class="author-avatar" src="/img/ana.jpg">""")]
    [InlineData("""<img src="/img/sello.svg">""")]
    [InlineData("""<div class="ad"><a href="https://shop.example/"><img src="/img/oferta.jpg"></a></div>""")]
    [InlineData("""<a href="https://shop.example/"><img class="advert" src="/img/oferta.jpg"></a>""")]
    [InlineData("""<img src="https://ad.doubleclick.net/ddm/ad/x.jpg">""")]
    [InlineData("""<img src="javascript:alert(1)">""")]
    [InlineData("""<img src="data:image/png;base64,iVBORw0KGgo=">""")]
    [InlineData("""<aside class="relacionadas"><img src="/img/otra-noticia.jpg"><a href="/otra">Otra noticia</a></aside>""")]
    public void Extract_NonPictures_AreLeftOut(string extra)
    {
        Assert.Empty(WithBodyImage(extra).Images);
    }

    [Fact]
    public void Extract_ImageFollowedByCaptionBlock_TakesCaptionAndCopyrightCredit()
    {
        var article = WithBodyImage("""
            <div class="wp-caption"><a href="/img/vigo-full.jpg"><img src="/img/vigo.jpg" width="640" height="480"></a><p class="wp-caption-text">El puerto de Vigo al amanecer. © Ana Gil</p></div>
            """);

        var image = Assert.Single(article.Images);
        Assert.Equal("El puerto de Vigo al amanecer.", image.Caption);
        Assert.Equal("Ana Gil", image.Credit);
    }

    [Fact]
    public void Extract_CopyrightLineAfterImage_IsTheCredit()
    {
        var article = WithBodyImage("""<img src="/img/muelle.jpg"><div>© Europa Press</div>""");

        var image = Assert.Single(article.Images);
        Assert.Null(image.Caption);
        Assert.Equal("Europa Press", image.Credit);
    }

    [Fact]
    public void Extract_CreditInDataAttribute_IsTheCredit()
    {
        var article = WithBodyImage("""<figure><img src="/img/marcha.jpg" data-credit="EFE"><figcaption>Los manifestantes en Sol.</figcaption></figure>""");

        var image = Assert.Single(article.Images);
        Assert.Equal("Los manifestantes en Sol.", image.Caption);
        Assert.Equal("EFE", image.Credit);
    }

    [Fact]
    public void Extract_JsonLdImageObject_GivesCaptionAndCreditOfBodyAndLeadImages()
    {
        var article = WithBodyImage("""<img src="/img/pleno.jpg">""", head: """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Titular de prueba","image":{"@type":"ImageObject","url":"https://www.eldiario.es/img/portada.jpg","creditText":"Reuters"}},
              {"@type":"ImageObject","contentUrl":"/img/pleno.jpg","caption":"El pleno, vacío.","copyrightHolder":{"@type":"Organization","name":"Europa Press"}}]}</script>
            """);

        Assert.Equal("Reuters", article.Image!.Credit);
        var image = Assert.Single(article.Images);
        Assert.Equal("El pleno, vacío.", image.Caption);
        Assert.Equal("Europa Press", image.Credit);
    }

    [Fact]
    public void Extract_ImagesBeforeAndBetweenParagraphs_KeepTheirPlaces()
    {
        var html = TestPages.Article(
                head: """<meta property="og:image" content="/img/portada.jpg">""",
                before: """<figure><img src="/img/portada.jpg"><figcaption>Portada.</figcaption></figure>""",
                extra: """<figure><img src="/img/dos.jpg"><figcaption>Dos.</figcaption></figure>""")
            .Replace("""<div class="article-body">""", """<div class="article-body"><figure><img src="/img/uno.jpg"><figcaption>Uno.</figcaption></figure>""");

        var article = TestPages.Extract(html);

        Assert.Equal("Portada.", article.Image!.Caption);
        Assert.Equal([("Uno.", 0), ("Dos.", 2)], article.Images.Select(i => (i.Caption!, i.Position ?? -1)));
    }
}
