using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>
/// A publication time written without an offset is read in the zone the page shows (its locale's single zone, or an
/// offset its other times give) with summer time right, or in the source's zone when one is configured; where nothing
/// names one zone it stays at UTC, marked unknown.
/// </summary>
public sealed class UnzonedTimeTests
{
    private static string Page(string htmlLang, string head, string dateLine, string[] paragraphs) => $"""
        <!doctype html><html lang="{htmlLang}"><head><meta charset="utf-8"><title>Titel</title>{head}</head>
        <body><article><h1>Titel</h1>
        <div class="content">{dateLine}
        {string.Join("\n", paragraphs.Select(p => $"<p>{p}</p>"))}
        </div></article></body></html>
        """;

    private static readonly Dictionary<string, string[]> Bodies = new()
    {
        ["de"] =
        [
            "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Begrenzung der Mieten in Großstädten beschlossen, das im kommenden Jahr in Kraft treten soll.",
            "Nach monatelangen Verhandlungen zwischen den Koalitionspartnern einigte sich das Kabinett auf einen Kompromiss, der auch kleine Vermieter entlastet.",
        ],
        ["pl"] =
        [
            "Rząd przyjął we wtorek projekt ustawy ograniczającej wzrost czynszów w dużych miastach, który ma wejść w życie w przyszłym roku.",
            "Po wielu miesiącach negocjacji koalicjanci uzgodnili kompromis, który obejmuje także ulgi podatkowe dla drobnych właścicieli mieszkań.",
        ],
        ["ja"] =
        [
            "政府は火曜日の閣議で、大都市の家賃の上昇を抑える新しい法案を決定した。法案は来年の春に施行される予定で、与党内の調整が続いていた。",
            "野党は法案が不十分だと批判し、国会の審議で独自の修正案を提出する考えを示した。専門家の間でも効果を疑問視する声が出ている。",
        ],
        ["es"] =
        [
            "El Gobierno aprobó este martes en el Consejo de Ministros la nueva ley de vivienda, que limita los precios del alquiler en las zonas tensionadas.",
            "La norma, que llega tras meses de negociación con los socios parlamentarios, entrará en vigor el próximo mes de junio, según fuentes del Ministerio.",
        ],
        ["ru"] =
        [
            "Правительство во вторник одобрило законопроект об ограничении роста арендной платы в крупных городах, который вступит в силу в следующем году.",
            "После нескольких месяцев переговоров стороны договорились о компромиссе, предусматривающем налоговые льготы для мелких владельцев жилья.",
        ],
    };

    private static ExtractedArticle Extract(string htmlLang, string head = "", string dateLine = "") =>
        TestPages.Extract(Page(htmlLang, head, dateLine, Bodies[htmlLang.Split('-')[0]]));

    [Theory]
    [InlineData("de-DE", "<p>4. März 2026, 14:30 Uhr</p>", 1)] // winter time
    [InlineData("de", "<p>4. Juli 2026, 14:30 Uhr</p>", 2)] // summer time
    [InlineData("pl", "<p>4 lipca 2026, 14:30</p>", 2)]
    [InlineData("pl-PL", "<p>4 marca 2026 14:30</p>", 1)]
    public void WrittenDate_IsReadInTheLocalesZone(string lang, string line, int offsetHours)
    {
        var article = Extract(lang, dateLine: line);

        Assert.Equal(14, article.Published!.Value.Hour);
        Assert.Equal(30, article.Published.Value.Minute);
        Assert.Equal(TimeSpan.FromHours(offsetHours), article.Published.Value.Offset);
        Assert.Equal(TimeZoneBasis.Page, article.PublishedZone);
    }

    [Fact]
    public void MetaTagWithoutZone_IsReadInTheLocalesZone_Japanese()
    {
        var article = Extract("ja", """<meta property="article:published_time" content="2026-03-04T14:30:00">""");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(9)), article.Published);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 30, 0, TimeSpan.Zero), article.Published!.Value.ToUniversalTime());
    }

    [Theory]
    // Europe/Berlin changed to summer time at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    [InlineData("2026-03-29 01:30", 1)]
    [InlineData("2026-03-29 03:30", 2)]
    [InlineData("2026-03-29 02:30", 1)] // skipped by the change: read with the offset before it
    [InlineData("2026-10-25 01:30", 2)]
    [InlineData("2026-10-25 02:30", 2)] // shown twice: the first, still summer time
    [InlineData("2026-10-25 03:30", 1)]
    public void ClockTime_AroundTheSummerTimeChange_HasTheOffsetOfThatMoment(string written, int offsetHours)
    {
        var article = Extract("de-DE", $"""<meta name="date" content="{written}">""");

        Assert.Equal(DateTime.Parse(written, System.Globalization.CultureInfo.InvariantCulture), article.Published!.Value.DateTime);
        Assert.Equal(TimeSpan.FromHours(offsetHours), article.Published.Value.Offset);
    }

    [Theory]
    [InlineData("es-ES")] // mainland and the Canary Islands
    [InlineData("es")] // Spain and the Americas
    [InlineData("ru")] // eleven zones
    [InlineData("ru-RU")]
    public void MultiZoneCountryOrLanguage_GivesNoZone(string lang)
    {
        var article = Extract(lang, """<meta property="article:published_time" content="2026-03-04T14:30:00">""");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(TimeZoneBasis.Unknown, article.PublishedZone);
    }

    [Fact]
    public void OffsetElsewhereOnThePage_GivesTheZone_Spanish()
    {
        var ld = """<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-03-04T14:30:00","dateModified":"2026-03-04T18:00:00-03:00"}</script>""";
        var article = Extract("es", ld);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(-3)), article.Published);
        Assert.Equal(TimeZoneBasis.Page, article.PublishedZone);
        Assert.Equal(TimeZoneBasis.Written, article.ModifiedZone);
    }

    [Fact]
    public void OffsetElsewhere_AgreeingWithTheLocale_KeepsSummerTimeRight()
    {
        // Modified in summer (+02:00), published in winter: the zone, not the offset, reads the winter date.
        var head = """<meta property="article:published_time" content="2026-03-04T14:30:00"><meta property="article:modified_time" content="2026-07-01T10:00:00+02:00">""";
        var article = Extract("de-AT", head);

        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
    }

    [Fact]
    public void OffsetZero_IsNoEvidence_AndAForeignCmsLocaleIsIgnored()
    {
        var head = """<meta property="og:locale" content="en_US"><meta property="article:published_time" content="2026-03-04T14:30:00"><meta property="article:modified_time" content="2026-03-05T10:00:00Z">""";
        var article = Extract("de", head);

        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
        Assert.Equal(TimeZoneBasis.Page, article.PublishedZone);
    }

    [Fact]
    public void WrittenOffset_IsKeptAsWritten()
    {
        var article = Extract("ja", """<meta property="article:published_time" content="2026-03-04T14:30:00+01:00">""");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(TimeZoneBasis.Written, article.PublishedZone);
    }

    [Fact]
    public void SourceZone_ReadsAgainTheTimesWrittenWithoutZone()
    {
        var head = """<meta property="article:published_time" content="2026-07-04T14:30:00"><meta property="article:modified_time" content="2026-07-04T16:00:00+02:00">""";
        var article = Extract("ru", head).InZone(TimeZones.Find("Europe/Moscow")!, TimeZoneBasis.Source);

        Assert.Equal(new DateTimeOffset(2026, 7, 4, 14, 30, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal(TimeZoneBasis.Source, article.PublishedZone);
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 16, 0, 0, TimeSpan.FromHours(2)), article.Modified);
        Assert.Equal(TimeZoneBasis.Written, article.ModifiedZone);
    }

    [Fact]
    public void SourceZone_OverridesTheZoneInferredFromThePage()
    {
        var article = Extract("de", dateLine: "<p>4. März 2026, 14:30 Uhr</p>").InZone(TimeZones.Find("America/New_York")!, TimeZoneBasis.Source);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(-5)), article.Published);
    }

    [Fact]
    public void FeedOffset_ReadsOnlyTimesWhoseZoneNothingTold()
    {
        var feed = TimeZoneInfo.CreateCustomTimeZone("feed", TimeSpan.FromHours(3), null, null);
        var unknown = Extract("ru", """<meta property="article:published_time" content="2026-03-04T14:30:00">""").InZone(feed, TimeZoneBasis.Page);
        var inferred = Extract("pl", """<meta property="article:published_time" content="2026-03-04T14:30:00">""").InZone(feed, TimeZoneBasis.Page);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(3)), unknown.Published);
        Assert.Equal(TimeZoneBasis.Page, unknown.PublishedZone);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(1)), inferred.Published);
    }

    [Fact]
    public void RelativeTime_IsAnInstant()
    {
        var article = Extract("de", dateLine: "<p>vor 2 Stunden</p>");

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(TimeZoneBasis.Written, article.PublishedZone);
    }
}
