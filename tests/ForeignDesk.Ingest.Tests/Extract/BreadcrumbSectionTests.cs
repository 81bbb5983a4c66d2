using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class BreadcrumbSectionTests
{
    private static string? SectionOf(string head = "", string before = "") =>
        TestPages.Extract(TestPages.Article(head: head, before: before)).Section;

    private static string Ld(string json) => $"""<script type="application/ld+json">{json}</script>""";

    [Fact]
    public void Extract_JsonLdBreadcrumbOutOfOrder_TakesTheMostSpecificByPosition()
    {
        var section = SectionOf(Ld("""
            {"@type":"BreadcrumbList","itemListElement":[
              {"@type":"ListItem","position":3,"name":"Titular de prueba"},
              {"@type":"ListItem","position":1,"name":"Portada","item":"https://www.eldiario.es/"},
              {"@type":"ListItem","position":2,"name":"Economía","item":"https://www.eldiario.es/economia/"}]}
            """));

        Assert.Equal("Economía", section);
    }

    [Fact]
    public void Extract_JsonLdBreadcrumb_SkipsHomeOutletAndTheArticleItself()
    {
        var section = SectionOf("""<meta property="og:site_name" content="El Diario">""" + Ld("""
            {"@type":"BreadcrumbList","itemListElement":[
              {"@type":"ListItem","position":"1","name":"El Diario","item":{"@id":"https://www.eldiario.es/","name":"El Diario"}},
              {"@type":"ListItem","position":"2","name":"Economía","item":"https://www.eldiario.es/economia/"},
              {"@type":"ListItem","position":"3","name":"Vivienda","item":"https://www.eldiario.es/economia/vivienda/"},
              {"@type":"ListItem","position":"4","name":"La ley, paso a paso","item":"https://www.eldiario.es/politica/gobierno-aprueba-ley_1_100.html"}]}
            """));

        Assert.Equal("Vivienda", section);
    }

    [Fact]
    public void Extract_MicrodataBreadcrumb_GivesSection()
    {
        var section = SectionOf(before: """
            <ol itemscope itemtype="https://schema.org/BreadcrumbList">
              <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
                <a itemprop="item" href="/deportes/"><span itemprop="name">Deportes</span></a><meta itemprop="position" content="2"></li>
              <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
                <a itemprop="item" href="/"><span itemprop="name">Inicio</span></a><meta itemprop="position" content="1"></li>
              <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
                <span itemprop="name">Titular de prueba</span><meta itemprop="position" content="3"></li>
            </ol>
            """);

        Assert.Equal("Deportes", section);
    }

    [Theory]
    [InlineData("""<nav aria-label="Breadcrumb"><a href="/">Inicio</a> › <a href="/cultura/">Cultura</a> › <span>Titular de prueba</span></nav>""", "Cultura")]
    [InlineData("""<nav aria-label="Fil d'Ariane"><ol><li><a href="/">Accueil</a></li><li><a href="/monde/">Monde</a></li><li><a href="/monde/europe/">Europe</a></li></ol></nav>""", "Europe")]
    [InlineData("""<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/mundo/">Mundo</a></li><li>El Gobierno firma hoy otro acuerdo</li></ol>""", "Mundo")]
    [InlineData("""<div class="c-breadcrumbs"><a href="/">Portada</a> / <a href="/tecnologia/">Tecnología</a></div>""", "Tecnología")]
    [InlineData("""<ul id="migas"><li><a href="/">Portada</a></li><li><a href="/opinion/">Opinión</a></li><li><a href="#">Un artículo de opinión sobre la vivienda con un título muy largo</a></li></ul>""", "Opinión")]
    public void Extract_BreadcrumbMarkup_GivesSection(string trail, string expected)
    {
        Assert.Equal(expected, SectionOf(before: trail));
    }

    [Fact]
    public void Extract_BreadcrumbEndingInTheShortenedTitle_SkipsIt()
    {
        var section = SectionOf(before: """<nav aria-label="breadcrumb"><a href="/">Inicio</a> › <a href="/sociedad/">Sociedad</a> › <a href="/sociedad/tit">Titular de pru…</a></nav>""");

        Assert.Equal("Sociedad", section);
    }

    [Fact]
    public void Extract_TrailOfOnlyHomeAndTitle_GivesNoSection()
    {
        Assert.Null(SectionOf(before: """<nav aria-label="breadcrumb"><a href="/">Inicio</a> › <span>Titular de prueba</span></nav>"""));
    }

    [Fact]
    public void Extract_MenuNavigation_IsNoBreadcrumb()
    {
        // The test page's site menu (Portada, Política) is not a trail: without a declared section there is none.
        Assert.Null(SectionOf());
    }

    private const string Trail = """<nav aria-label="breadcrumb"><a href="/">Inicio</a> › <a href="/deportes/">Deportes</a> › <span>Titular de prueba</span></nav>""";

    [Theory]
    [InlineData("""{"@type":"NewsArticle","articleSection":"Economía"}""", """<meta property="article:section" content="Política">""", "Economía")]
    [InlineData("""{"@type":"NewsArticle"}""", """<meta property="article:section" content="Política">""", "Política")]
    [InlineData("""{"@type":"NewsArticle","articleSection":"Noticias"}""", "", "Deportes")]
    [InlineData("""{"@type":"NewsArticle"}""", """<meta property="article:section" content="Portada">""", "Deportes")]
    [InlineData("""{"@type":"NewsArticle"}""", "", "Deportes")]
    public void Extract_SectionPrecedence_DeclaredBeforeBreadcrumbUnlessGeneric(string json, string meta, string expected)
    {
        Assert.Equal(expected, SectionOf(Ld(json) + meta, Trail));
    }

    [Fact]
    public void Extract_JsonLdBreadcrumb_BeatsMarkupTrail()
    {
        var section = SectionOf(Ld("""
            {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Salud","item":"https://www.eldiario.es/salud/"}]}
            """), Trail);

        Assert.Equal("Salud", section);
    }
}
