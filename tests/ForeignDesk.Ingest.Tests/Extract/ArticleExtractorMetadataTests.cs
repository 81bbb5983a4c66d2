using Xunit;
namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleExtractorMetadataTests
{
    private static string WithLd(string json) => TestPages.Article(head: $"""<script type="application/ld+json">{json}</script>""");

    [Theory]
    [InlineData("""{"@type":"NewsArticle","author":"Por Ana García"}""", "Ana García")]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Person","name":"By John Smith"}}""", "John Smith")]
    [InlineData("""{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana García"},{"@type":"Person","name":"Luis Pérez"}]}""", "Ana García, Luis Pérez")]
    [InlineData("""{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana García"},{"@type":"Organization","name":"El Diario"}]}""", "Ana García")]
    [InlineData("""{"@type":"NewsArticle","author":"El Diario","publisher":{"@type":"Organization","name":"El Diario"}}""", null)]
    [InlineData("""{"@type":"NewsArticle","author":{"name":"El Diario"},"publisher":{"@type":"Organization","name":"El Diario"}}""", null)]
    [InlineData("""{"@type":"BlogPosting","author":{"@type":"Person","name":"Ana García"},"publisher":{"@type":"Organization","name":"Ana García"}}""", "Ana García")]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Organization","name":"Europa Press"},"publisher":{"@type":"Organization","name":"El Diario"}}""", "Europa Press")]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"NewsMediaOrganization","name":"Deutsche Presse-Agentur"},"publisher":{"@type":"Organization","name":"Der Tagesspiegel"}}""", "Deutsche Presse-Agentur")]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Organization","name":"Agence France-Presse"},"publisher":{"@type":"NewsMediaOrganization","name":"Le Journal"}}""", "Agence France-Presse")]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Organization","name":"El Diario"},"publisher":{"@type":"Organization","name":"El Diario"}}""", null)]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Organization","name":"Redacción El Diario S.L."},"publisher":{"@type":"Organization","name":"Redacción El Diario S.L."}}""", null)]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Organization","name":"eldiario"}}""", null)]
    public void Extract_JsonLdAuthor_GivesByline(string json, string? expected)
    {
        Assert.Equal(expected, TestPages.Extract(WithLd(json)).Byline);
    }

    [Theory]
    [InlineData("""<meta name="author" content="Par Marie Dupont">""", "", "Marie Dupont")]
    [InlineData("", """<p class="byline">Von Hans Müller</p>""", "Hans Müller")]
    [InlineData("", """<a rel="author" href="/autor/ana">Ana García</a>""", "Ana García")]
    public void Extract_MarkupAuthor_GivesByline(string head, string before, string expected)
    {
        var article = TestPages.Extract(TestPages.Article(head: head, before: before));

        Assert.Equal(expected, article.Byline);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains(expected));
    }

    [Fact]
    public void Extract_JsonLdDates_KeepOffsets()
    {
        var article = TestPages.Extract(WithLd("""{"@type":"NewsArticle","datePublished":"2024-03-05T09:30:00+01:00","dateModified":"2024-03-05T12:00:00+0100"}"""));

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 11, 0, 0, TimeSpan.Zero), article.Modified);
    }

    [Fact]
    public void Extract_MetaDateWithoutOffset_IsUtc()
    {
        var article = TestPages.Extract(TestPages.Article(head: """<meta property="article:published_time" content="2024-03-05T09:30:00">"""));

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Extract_TimeElement_GivesPublished()
    {
        var article = TestPages.Extract(TestPages.Article(before: """<time datetime="2024-03-05T08:00:00-05:00">5 de marzo</time>"""));

        Assert.Equal(TimeSpan.FromHours(-5), article.Published!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 13, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Theory]
    [InlineData("ayer por la tarde")]
    [InlineData("2024-13-45T99:00:00Z")]
    public void Extract_MalformedDate_IsNull(string value)
    {
        var article = TestPages.Extract(TestPages.Article(head: $"""<meta property="article:published_time" content="{value}">"""));

        Assert.Null(article.Published);
    }

    [Fact]
    public void Extract_Figure_SplitsCaptionAndCredit()
    {
        var article = TestPages.Extract(TestPages.Article(head: """<meta property="og:image" content="/img/ley.jpg">""",
            before: """<figure><img src="/img/ley.jpg" alt=""><figcaption>La ministra, tras el Consejo. <span class="credit">Foto: Juan Ruiz / EFE</span></figcaption></figure>"""));

        Assert.Equal(new Uri(TestPages.ArticleUrl, "/img/ley.jpg").AbsoluteUri, article.Image!.Url);
        Assert.Equal("La ministra, tras el Consejo.", article.Image.Caption);
        Assert.Equal("Juan Ruiz / EFE", article.Image.Credit);
    }

    [Theory]
    [InlineData("La ministra, tras el Consejo. Photo : Reuters", "Reuters")]
    [InlineData("La ministra, tras el Consejo. © AFP", "AFP")]
    [InlineData("La ministra, tras el Consejo. (Foto: Ana Gil)", "Ana Gil")]
    public void Extract_CreditInCaptionText_IsSplitOff(string figcaption, string credit)
    {
        var article = TestPages.Extract(TestPages.Article(head: """<meta property="og:image" content="https://img.example/a.jpg">""",
            before: $"""<figure><img src="https://img.example/a.jpg"><figcaption>{figcaption}</figcaption></figure>"""));

        Assert.Equal("La ministra, tras el Consejo.", article.Image!.Caption);
        Assert.Equal(credit, article.Image.Credit);
    }

    [Theory]
    [InlineData("""<link rel="canonical" href="/politica/ley_1_100.html">""", "https://www.eldiario.es/politica/ley_1_100.html")]
    [InlineData("""<link rel="canonical" href="https://otro-sitio.example/copia">""", null)]
    [InlineData("""<meta property="og:url" content="https://eldiario.es/politica/ley">""", "https://eldiario.es/politica/ley")]
    public void Extract_Canonical_IsAbsoluteAndSameSite(string head, string? expected)
    {
        Assert.Equal(expected, TestPages.Extract(TestPages.Article(head: head)).CanonicalUrl);
    }

    [Theory]
    [InlineData("es-ES", "", "es")]
    [InlineData("", """<meta property="og:locale" content="fr_FR">""", "fr")]
    [InlineData("", """<script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"de-DE"}</script>""", "de")]
    public void Extract_Language_IsIso6391(string lang, string head, string expected)
    {
        var html = TestPages.Article(head: head).Replace("""<html lang="es">""", lang.Length > 0 ? $"""<html lang="{lang}">""" : "<html>");

        Assert.Equal(expected, TestPages.Extract(html).Language);
    }

    [Fact]
    public void Extract_SectionAndKeywords_FromJsonLdAndMeta()
    {
        var article = TestPages.Extract(TestPages.Article(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","articleSection":["Política"],"keywords":"vivienda, alquiler"}</script>
            <meta name="news_keywords" content="Congreso, vivienda"><meta property="article:tag" content="Gobierno">
            """));

        Assert.Equal("Política", article.Section);
        Assert.Equal(["vivienda", "alquiler", "Congreso", "Gobierno"], article.Keywords);
    }

    [Fact]
    public void Extract_BreadcrumbOnly_GivesSection()
    {
        var article = TestPages.Extract(WithLd("""
            [{"@type":"NewsArticle","headline":"Ley"},{"@type":"BreadcrumbList","itemListElement":[
              {"@type":"ListItem","position":1,"name":"Portada"},{"@type":"ListItem","position":2,"name":"Economía"},
              {"@type":"ListItem","position":3,"name":"Ley"}]}]
            """));

        Assert.Equal("Economía", article.Section);
    }
}
