using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class TranslationChecksTests
{
    /// <summary>Numbers in five notations, each translated right and then broken the way engines break them.</summary>
    [Theory]
    // German grouping points: "1.250" is 1.25 to an English reader.
    [InlineData("de", "Die Stadt hat 1.250.000 Einwohner.", "The city has 1,250,000 inhabitants.", "The city has 1.250 inhabitants.", CheckKind.Number, "1.250.000")]
    // A decimal comma with a spaced percent sign.
    [InlineData("fr", "Le chômage a baissé de 25,7 % en un an.", "Unemployment fell by 25.7% in a year.", "Unemployment fell by 25.7 in a year.", CheckKind.Percentage, "25,7 %")]
    // An abbreviated scale word: millions, not billions.
    [InlineData("de", "Der Bau kostet 3,5 Mio. Euro.", "The construction costs 3.5 million euros.", "The construction costs 3.5 billion euros.", CheckKind.Amount, "3,5 Mio. (EUR)")]
    // Thousands grouped by no-break spaces.
    [InlineData("fr", "La ville compte 1\u00A0250\u00A0000 habitants.", "The town has 1,250,000 inhabitants.", "The town has 125,000 inhabitants.", CheckKind.Number, "1\u00A0250\u00A0000")]
    // An amount with its currency after a decimal comma.
    [InlineData("es", "La multa es de 12.500,50 € por empresa.", "The fine is €12,500.50 per company.", "The fine is $12,500.50 per company.", CheckKind.Amount, "12.500,50 (EUR)")]
    public void Check_PassesARightTranslation_CatchesABrokenOne(string language, string source, string right, string broken, CheckKind kind, string written)
    {
        Assert.Empty(TranslationChecks.Check(source, right, language));
        var failure = Assert.Single(TranslationChecks.Check(source, broken, language));
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(written, failure.Source);
    }

    [Theory]
    [InlineData("de", "Der Preis stieg um 25,7 % auf 1.250 Euro.", "The price rose by 25,7 % to 1.250 euros.")]
    [InlineData("es", "Costó 3,5 millones de euros.", "It cost 3,5 millones of euros.")]
    public void Check_ANumberCopiedUnchanged_PassesWhereEnglishCannotMisreadIt(string language, string source, string copied)
    {
        var failures = TranslationChecks.Check(source, copied, language);
        // "25,7" is no English number, so it is read as the outlet wrote it; "1.250" is, and means 1.25 in English.
        Assert.DoesNotContain(failures, f => f.Source.StartsWith("25,7", StringComparison.Ordinal) || f.Source.StartsWith("3,5", StringComparison.Ordinal));
        if (source.Contains("1.250", StringComparison.Ordinal)) Assert.Contains(failures, f => f.Source.StartsWith("1.250", StringComparison.Ordinal));
    }

    /// <summary>Dates in any notation of the same day; times of day in twelve or twenty-four hours.</summary>
    [Theory]
    [InlineData(CheckKind.Date, "es", "La votación será el 28 de noviembre de 2026.", "The vote will be on November 28, 2026.", "The vote will be on November 29, 2026.")]
    [InlineData(CheckKind.Date, "de", "Die Wahl findet am 28.11.2026 statt.", "The election takes place on 11/28/2026.", "The election takes place on 11/27/2026.")]
    [InlineData(CheckKind.Date, "fr", "Le sommet s'ouvre le 1er décembre.", "The summit opens on 1 December.", "The summit opens on 1 November.")]
    [InlineData(CheckKind.Date, "ru", "Выборы пройдут 28 ноября 2026 года.", "The elections will take place on 28 November 2026.", "The elections will take place on 28 October 2026.")]
    [InlineData(CheckKind.Date, "it", "Il decreto è del 3 marzo.", "The decree is of March 3.", "The decree is of May 3.")]
    [InlineData(CheckKind.Time, "es", "El partido empieza a las 15:00 en Nápoles.", "The match starts at 3 p.m. in Naples.", "The match starts at 5 p.m. in Naples.")]
    [InlineData(CheckKind.Time, "fr", "Rendez-vous à 15h30 devant la mairie.", "Meeting at 3:30pm in front of the town hall.", "Meeting at 3:30am in front of the town hall.")]
    [InlineData(CheckKind.Time, "de", "Sie wurde um 7:55 gefunden.", "She was found at 7.55am.", "She was found at 7.15am.")]
    public void Check_DatesAndTimes_AnyNotationOfTheSameMoment(CheckKind kind, string language, string source, string right, string broken)
    {
        Assert.Empty(TranslationChecks.Check(source, right, language));
        Assert.Equal(kind, Assert.Single(TranslationChecks.Check(source, broken, language)).Kind);
    }

    [Fact]
    public void Check_ADateTheSourceWritesInWordsNoRuleReads_PassesOnItsNumbers()
    {
        // Basque writes "2005eko maiatzaren 30ean"; the English date still carries 30 and 2005.
        Assert.Empty(TranslationChecks.Check("2005eko maiatzaren 30ean hasi zen.", "It started on May 30th, 2005.", "eu"));
        // An engine that glues a number to a word ("the89") loses it for a reader.
        Assert.Single(TranslationChecks.Check("89. minutuan sartu zuen.", "He scored in the89 minute.", "eu"));
    }

    [Fact]
    public void Check_AddressesMustSurviveWhole()
    {
        const string source = "Más información en https://gobierno.es/ayudas o en ayudas@gobierno.es.";
        Assert.Empty(TranslationChecks.Check(source, "More information at https://gobierno.es/ayudas or at ayudas@gobierno.es.", "es"));
        var failures = TranslationChecks.Check(source, "More information at https://government.es/aids or at aids@government.es.", "es");
        Assert.Equal([CheckKind.Url, CheckKind.Email], failures.Select(f => f.Kind));
    }

    [Theory]
    [InlineData("zh", "去年收入增长了1.5亿元。", "Last year revenue grew by 150 million yuan.", "Last year revenue grew by 1.5 million yuan.")]
    [InlineData("ar", "ارتفعت الأسعار بنسبة ٢٥٫٧٪ هذا العام.", "Prices rose by 25.7% this year.", "Prices rose by 2.57% this year.")]
    [InlineData("es", "El plan cuesta 3 mil millones de dólares.", "The plan costs 3 billion dollars.", "The plan costs 3 million dollars.")]
    public void Check_OtherScriptsAndCompoundScales(string language, string source, string right, string broken)
    {
        Assert.Empty(TranslationChecks.Check(source, right, language));
        Assert.NotEmpty(TranslationChecks.Check(source, broken, language));
    }

    [Fact]
    public void Check_SmallNumbersSpelledOutAndTextWithoutFacts_Pass()
    {
        Assert.Empty(TranslationChecks.Check("Murieron 2 personas.", "Two people died.", "es"));
        Assert.Empty(TranslationChecks.Check("Der Bundestag tagt heute.", "The Bundestag meets today.", "de"));
        Assert.Empty(TranslationChecks.Check("COVID-19 und G7: 10km Stau.", "COVID-19 and G7: 10km traffic jam.", "de"));
    }

    [Fact]
    public void Paragraphs_ReportsOnlyTheFailingOnes_AndNothingWhenTheCountsDiffer()
    {
        Paragraph P(string text) => new("p", text, text);
        IReadOnlyList<Paragraph> original = [P("Hay 12 heridos."), P("Sin cifras."), P("Costó 1.500 euros.")];
        var failed = TranslationChecks.Paragraphs(original, [P("There are 12 wounded."), P("No figures."), P("It cost 15 euros.")], "es");
        var (index, failures) = Assert.Single(failed);
        Assert.Equal(2, index);
        Assert.Equal("1.500 (EUR)", Assert.Single(failures).Source);
        Assert.Empty(TranslationChecks.Paragraphs(original, [P("There are 12 wounded.")], "es"));
    }

    /// <summary>A glossary name of the source paragraph must come through as its rendering, in every language.</summary>
    [Theory]
    // A forced rendering; the case of the rendering does not matter.
    [InlineData("es", "El Consejo de Ministros aprobó el plan.", "Consejo de Ministros", "Cabinet", "The cabinet approved the plan.", "The Council of Ministers approved the plan.")]
    // A name kept as it is.
    [InlineData("de", "Der Bundestag stimmte am Freitag ab.", "Bundestag", null, "The Bundestag voted on Friday.", "The Federal Diet voted on Friday.")]
    [InlineData("fr", "L'Assemblée nationale a voté la loi.", "Assemblée nationale", "National Assembly", "The National Assembly passed the law.", "The national meeting passed the law.")]
    [InlineData("ru", "Госдума приняла закон.", "Госдума", "State Duma", "The State Duma passed the law.", "The Duma passed the law.")]
    [InlineData("ar", "صوّت الكنيست على القانون.", "الكنيست", "Knesset", "The Knesset voted on the law.", "Parliament voted on the law.")]
    [InlineData("pt", "O Supremo Tribunal Federal decidiu.", "Supremo Tribunal Federal", "Supreme Federal Court", "The Supreme Federal Court decided.", "The Supreme Court decided.")]
    public void Paragraphs_GlossaryNameRendered_Passes_Lost_IsMarked(string language, string source, string term, string? rendering, string right, string broken)
    {
        GlossaryName[] glossary = [new(term, rendering ?? term), new("Tribunal", "Court of Law")];
        Paragraph[] original = [new("p", source, source)];

        Assert.Empty(TranslationChecks.Paragraphs(original, [new("p", right, right)], language, glossary));
        var check = Assert.Single(TranslationChecks.Paragraphs(original, [new("p", broken, broken)], language, glossary));
        var failure = Assert.Single(check.Failures);
        Assert.Equal((CheckKind.GlossaryName, term, rendering ?? term), (failure.Kind, failure.Source, failure.Expected));
        Assert.Contains($"the name “{term}”", failure.Describe());
    }

    [Fact]
    public void Paragraphs_GlossaryTermInsideALongerWord_OrAbsent_IsNotChecked()
    {
        GlossaryName[] glossary = [new("Bundestag", "Bundestag"), new("SPD", "Social Democrats")];
        Paragraph[] original = [new("p", "Die Bundestagswahl ist im Herbst.", "Die Bundestagswahl ist im Herbst.")];
        Paragraph[] translation = [new("p", "The federal election is in autumn.", "The federal election is in autumn.")];

        Assert.Empty(TranslationChecks.Paragraphs(original, translation, "de", glossary));
    }

    [Fact]
    public void Paragraphs_GlossaryNameLost_IsReportedBesideTheNumbersLost()
    {
        GlossaryName[] glossary = [new("PSOE", "Spanish Socialist Party")];
        Paragraph[] original = [new("p", "El PSOE obtuvo 1.250.000 votos.", "El PSOE obtuvo 1.250.000 votos.")];
        Paragraph[] translation = [new("p", "The socialists won 1.250 votes.", "The socialists won 1.250 votes.")];

        var failures = Assert.Single(TranslationChecks.Paragraphs(original, translation, "es", glossary)).Failures;
        Assert.Equal([CheckKind.Number, CheckKind.GlossaryName], failures.Select(f => f.Kind));
        Assert.Equal("the name “PSOE” (“Spanish Socialist Party”)", failures[1].Describe());
    }
}
