using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>
/// Byline lines, date lines and place-and-date lines printed at the top of an article are read as its byline and
/// date and kept out of its body and teaser, in several languages; credits in parentheses are kept whole.
/// </summary>
public sealed class MetadataLineTests
{
    /// <summary>An outlet's page without machine-readable author or date: what it says of them is in the article's lines.</summary>
    private static string Page(string lang, string title, string lines, string[] paragraphs, string head = "", string figure = "") => $"""
        <!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
        <body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/politik">Politik</a></li></ul></nav>
        <article>
          <h1>{title}</h1>
          {figure}
          <div class="content">
            {lines}
            {string.Join("\n    ", paragraphs.Select(p => $"<p>{p}</p>"))}
          </div>
        </article>
        <footer><p>Impressum · Datenschutz · Kontakt</p></footer>
        </body></html>
        """;

    private static readonly string[] German =
    [
        "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Begrenzung der Mieten in Großstädten beschlossen, das im kommenden Jahr in Kraft treten soll.",
        "Nach monatelangen Verhandlungen zwischen den Koalitionspartnern einigte sich das Kabinett auf einen Kompromiss, der auch kleine Vermieter entlastet.",
        "Die Opposition kritisierte den Entwurf als unzureichend und kündigte an, im Bundestag eigene Änderungsanträge einzubringen.",
    ];

    private static readonly string[] French =
    [
        "Le gouvernement a présenté mardi un projet de loi visant à encadrer les loyers dans les grandes villes, qui doit entrer en vigueur l'an prochain.",
        "Après des mois de négociations avec les partenaires sociaux, le texte prévoit aussi des aides fiscales pour les petits propriétaires bailleurs.",
        "L'opposition a dénoncé un texte insuffisant et annoncé le dépôt de nombreux amendements lors de son examen à l'Assemblée nationale.",
    ];

    private static readonly string[] Spanish =
    [
        "El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas.",
        "La norma, que llega tras meses de negociación con los socios parlamentarios, entrará en vigor el próximo mes de junio, según fuentes del Ministerio.",
        "Los propietarios con más de diez viviendas deberán ajustar sus contratos, mientras que los pequeños propietarios tendrán incentivos fiscales.",
    ];

    private static readonly string[] Italian =
    [
        "Il governo ha approvato martedì in Consiglio dei ministri il nuovo decreto sulla casa, che limita gli affitti nelle grandi città italiane.",
        "Dopo mesi di trattative con i partiti della maggioranza, il testo prevede anche sgravi fiscali per i piccoli proprietari di immobili.",
        "L'opposizione ha definito il provvedimento insufficiente e ha annunciato numerosi emendamenti durante l'esame in Parlamento.",
    ];

    private static readonly string[] Polish =
    [
        "Rząd przyjął we wtorek projekt ustawy ograniczającej wzrost czynszów w dużych miastach, która ma wejść w życie w przyszłym roku.",
        "Po wielomiesięcznych negocjacjach z partnerami koalicyjnymi projekt przewiduje także ulgi podatkowe dla drobnych właścicieli mieszkań.",
        "Opozycja skrytykowała projekt jako niewystarczający i zapowiedziała złożenie poprawek podczas prac w Sejmie.",
    ];

    private static readonly string[] Dutch =
    [
        "Het kabinet heeft dinsdag een wetsvoorstel aangenomen dat de huurprijzen in de grote steden moet beperken en volgend jaar ingaat.",
        "Na maandenlange onderhandelingen met de coalitiepartners bevat het voorstel ook belastingvoordelen voor kleine verhuurders.",
        "De oppositie noemde het voorstel onvoldoende en kondigde aan in de Tweede Kamer eigen amendementen in te dienen.",
    ];

    private static string[] Body(string lang) => lang switch
    {
        "de" => German,
        "fr" => French,
        "es" => Spanish,
        "it" => Italian,
        "pl" => Polish,
        _ => Dutch,
    };

    private static ExtractedArticle Extract(string lang, string lines, string head = "", string figure = "") =>
        TestPages.Extract(Page(lang, "Mietpreisbremse: Kabinett beschließt Gesetz", lines, Body(lang), head, figure));

    private static void AssertBodyIsTheArticle(ExtractedArticle article, string lang)
    {
        Assert.Equal(Body(lang), article.Paragraphs.Select(p => p.Text));
    }

    [Theory]
    [InlineData("de", "<p>Von Hans Müller</p>", "Hans Müller")]
    [InlineData("de", "<p>Autorin: Eva Schröder</p>", "Eva Schröder")]
    [InlineData("fr", "<p>Par Claire Dubois</p>", "Claire Dubois")]
    [InlineData("fr", """<p>Par<span class="nom"> Sébastien Farcis</span></p>""", "Sébastien Farcis")]
    [InlineData("es", "<p>Por Ana María García y Luis Pérez</p>", "Ana María García, Luis Pérez")]
    [InlineData("it", "<p>di Marco Rossi</p>", "Marco Rossi")]
    [InlineData("pl", "<p>Autor: Jan Kowalski</p>", "Jan Kowalski")]
    [InlineData("nl", "<p>Door Pieter van der Berg</p>", "Pieter van der Berg")]
    public void BylineLine_IsTheBylineAndNotTheBody(string lang, string line, string byline)
    {
        var article = Extract(lang, line);

        Assert.Equal(byline, article.Byline);
        AssertBodyIsTheArticle(article, lang);
    }

    [Theory]
    [InlineData("de", "<p>28. November 2026, 18:30 Uhr</p>", 2026, 11, 28, 18, 30)]
    [InlineData("de", "<p>Veröffentlicht am 28.11.2026 · Lesezeit: 4 Minuten</p>", 2026, 11, 28, 0, 0)]
    [InlineData("fr", "<p>Publié le 28 novembre 2026 à 18h30</p>", 2026, 11, 28, 18, 30)]
    [InlineData("es", "<p>Publicado el 28 de noviembre de 2026 a las 18:30</p>", 2026, 11, 28, 18, 30)]
    [InlineData("it", "<p>Pubblicato il 28 novembre 2026 alle 18:30</p>", 2026, 11, 28, 18, 30)]
    [InlineData("pl", "<p>28 listopada 2026</p>", 2026, 11, 28, 0, 0)]
    [InlineData("nl", "<p>28 november 2026 om 18:30 · 3 min leestijd</p>", 2026, 11, 28, 18, 30)]
    public void DateLine_IsThePublishedDateAndNotTheBody(string lang, string line, int year, int month, int day, int hour, int minute)
    {
        var article = Extract(lang, line);

        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), article.Published?.DateTime);
        AssertBodyIsTheArticle(article, lang);
    }

    [Theory]
    [InlineData("de", "<p>Berlin, 28.11.2026</p>")]
    [InlineData("fr", "<p>Paris, le 28 novembre 2026</p>")]
    [InlineData("es", "<p>São Paulo, 28/11/2026</p>")]
    [InlineData("it", "<p>Roma, 28 novembre 2026</p>")]
    [InlineData("pl", "<p>Warszawa, 28.11.2026</p>")]
    [InlineData("nl", "<p>Den Haag, 28 november 2026</p>")]
    public void PlaceAndDateLine_GivesTheDateAndNeverAPlaceAsByline(string lang, string line)
    {
        var article = Extract(lang, line);

        Assert.Null(article.Byline);
        Assert.Equal(new DateTime(2026, 11, 28, 0, 0, 0), article.Published?.DateTime);
        AssertBodyIsTheArticle(article, lang);
    }

    [Theory]
    [InlineData("es", "<p>Miguel Ángel Sanz · 28/11/2026 18:30</p>", "Miguel Ángel Sanz")]
    [InlineData("de", "<p>Von Hans Müller | 28.11.2026, 18:30 Uhr</p>", "Hans Müller")]
    [InlineData("fr", "<p>Par Claire Dubois — Publié le 28/11/2026 à 18h30</p>", "Claire Dubois")]
    [InlineData("it", "<p>Marco Rossi | 28 novembre 2026 alle 18:30</p>", "Marco Rossi")]
    [InlineData("nl", "<p>Door Anne de Vries · 28 november 2026 18:30</p>", "Anne de Vries")]
    public void BylineAndDateLine_GivesBothAndNotTheBody(string lang, string line, string byline)
    {
        var article = Extract(lang, line);

        Assert.Equal(byline, article.Byline);
        Assert.Equal(new DateTime(2026, 11, 28, 18, 30, 0), article.Published?.DateTime);
        AssertBodyIsTheArticle(article, lang);
    }

    [Theory]
    [InlineData("es", "MADRID, 28 nov (EFE).- ", "EFE")]
    [InlineData("de", "BERLIN (dpa) - ", "dpa")]
    [InlineData("fr", "PARIS, 28 novembre (AFP) - ", "AFP")]
    [InlineData("it", "ROMA, 28 novembre (ANSA) - ", "ANSA")]
    public void WireDateline_StaysInTheLeadSentence_AndNamesTheAgency(string lang, string dateline, string agency)
    {
        var body = Body(lang);
        var article = TestPages.Extract(Page(lang, "Titel", "", [dateline + body[0], .. body[1..]]));

        Assert.Equal(agency, article.Byline);
        Assert.Equal([dateline + body[0], .. body[1..]], article.Paragraphs.Select(p => p.Text));
    }

    [Theory]
    [InlineData("es", "<p>MADRID, 28 nov. 2026 (EFE)</p>", "EFE", true)]
    [InlineData("de", "<p>Berlin (dpa) –</p>", "dpa", false)]
    [InlineData("fr", "<p>PARIS, 28/11/2026 (AFP)</p>", "AFP", true)]
    [InlineData("it", "<p>ROMA (ANSA)</p>", "ANSA", false)]
    [InlineData("pl", "<p>WARSZAWA (PAP)</p>", "PAP", false)]
    public void DatelineLine_NamesTheAgencyAndIsNotTheBody(string lang, string line, string agency, bool dated)
    {
        var article = Extract(lang, line);

        Assert.Equal(agency, article.Byline);
        Assert.Equal(dated ? new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero) : (DateTimeOffset?)null, article.Published);
        AssertBodyIsTheArticle(article, lang);
    }

    [Fact]
    public void NameAndPartyLine_IsNoDateline()
    {
        var article = Extract("de", "<p>Angela Merkel (CDU)</p>");

        Assert.Null(article.Byline);
        Assert.Equal("Angela Merkel (CDU)", article.Paragraphs[0].Text);
    }

    [Theory]
    [InlineData("es", "Foto: Ana López (Europa Press)", "Ana López (Europa Press)")]
    [InlineData("fr", "Photo : Jean Dupont (AFP)", "Jean Dupont (AFP)")]
    [InlineData("de", "Bild: Max Weber (dpa)", "Max Weber (dpa)")]
    [InlineData("it", "(Foto: Luca Bianchi (ANSA))", "Luca Bianchi (ANSA)")]
    [InlineData("pl", "© Piotr Nowak (PAP)", "Piotr Nowak (PAP)")]
    [InlineData("nl", "Foto: \"De Fotograaf\" Jansen (ANP)", "\"De Fotograaf\" Jansen (ANP)")]
    public void CreditInParentheses_IsKeptWhole(string lang, string credit, string expected)
    {
        var figure = $"""<figure><img src="https://img.example/a.jpg" alt=""><figcaption>Das Kabinett am Dienstag. {credit}</figcaption></figure>""";
        var article = Extract(lang, "", head: """<meta property="og:image" content="https://img.example/a.jpg">""", figure: figure);

        Assert.Equal("Das Kabinett am Dienstag.", article.Image!.Caption);
        Assert.Equal(expected, article.Image.Credit);
    }

    [Theory]
    [InlineData("Von Hans Müller")]
    [InlineData("28.11.2026, 18:30 Uhr")]
    [InlineData("Das Kabinett am Dienstag.")]
    public void Teaser_IsNeverABylineADateOrTheCaption(string description)
    {
        var figure = """<figure><img src="https://img.example/a.jpg" alt=""><figcaption>Das Kabinett am Dienstag.</figcaption></figure>""";
        var head = $"""<meta name="description" content="{description}"><meta property="og:image" content="https://img.example/a.jpg">""";
        var article = Extract("de", "<p>Von Hans Müller</p><p>28.11.2026, 18:30 Uhr</p>", head, figure);

        Assert.Null(article.Teaser);
        Assert.Equal(German[0], article.Paragraphs[0].Text);
    }

    [Fact]
    public void Teaser_IsTheOutletsDescription()
    {
        var head = """<meta name="description" content="Das Kabinett begrenzt die Mieten in Großstädten.">""";

        Assert.Equal("Das Kabinett begrenzt die Mieten in Großstädten.", Extract("de", "<p>Von Hans Müller</p>", head).Teaser);
    }

    [Theory]
    [InlineData("""<span class="location">São Paulo</span>""")]
    [InlineData("""<div class="byline"><span class="byline__location">Berlin</span></div>""")]
    public void PlaceInBylineMarkup_IsNeverTheByline(string markup)
    {
        Assert.Null(Extract("de", markup).Byline);
    }

    [Theory]
    [InlineData("<p>Von Berlin aus fuhr der Zug weiter nach Hamburg.</p>")]
    [InlineData("<p>Di Maio ha parlato a lungo con i giornalisti.</p>")]
    [InlineData("<p>Der Rat tagte am 28.11.2026 in Brüssel.</p>")]
    public void ShortSentence_StaysInTheBody(string line)
    {
        var article = Extract("de", line);

        Assert.Null(article.Byline);
        Assert.Equal(4, article.Paragraphs.Count);
    }
}
