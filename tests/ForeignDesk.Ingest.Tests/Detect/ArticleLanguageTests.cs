using ForeignDesk.Core;
using ForeignDesk.Ingest.Detect;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Detect;

/// <summary>The language an article is handled in, with the real Lingua detector.</summary>
public sealed class ArticleLanguageTests
{
    private static readonly ArticleLanguage Languages = new(new LinguaLanguageDetector());

    private const string German =
        "Die Bundesregierung hat am Dienstag einen neuen Haushalt für das kommende Jahr vorgestellt. " +
        "Der Finanzminister erklärte, dass die Steuern nicht steigen werden und die Schulden sinken sollen.";

    private const string Spanish =
        "El Gobierno presentó el martes un nuevo presupuesto para el año que viene. " +
        "El ministro de Hacienda explicó que los impuestos no subirán y que la deuda bajará.";

    private const string Catalan =
        "El Govern va presentar dimarts un nou pressupost per a l'any que ve. " +
        "El conseller d'Economia va explicar que els impostos no pujaran i que el deute baixarà.";

    private const string Croatian =
        "Vlada je u utorak predstavila novi proračun za iduću godinu. " +
        "Ministar financija objasnio je da porezi neće rasti i da će se dug smanjiti.";

    private const string Portuguese =
        "O Governo apresentou na terça-feira um novo orçamento para o próximo ano. " +
        "O ministro das Finanças explicou que os impostos não vão subir e que a dívida vai descer.";

    private static Source SourceIn(string? languages) =>
        new(1, "diario", "Diario", new Uri("https://diario.example/"), [], SourceLanguages.Normalize(languages), "News/World", "UTC");

    [Fact]
    public void Choose_GermanArticleOfASpanishSource_IsGermanAndDetectedOther()
    {
        Assert.Equal(new ArticleLanguageChoice("de", true), Languages.Choose(SourceIn("es"), German, "es"));
    }

    [Fact]
    public void Choose_SpanishArticleOfASpanishSource_IsSpanish()
    {
        Assert.Equal(new ArticleLanguageChoice("es", false), Languages.Choose(SourceIn("es"), Spanish, "es"));
    }

    [Fact]
    public void Choose_CatalanArticleOfASpanishSource_IsCatalanAndDetectedOther()
    {
        Assert.Equal(new ArticleLanguageChoice("ca", true), Languages.Choose(SourceIn("es"), Catalan, null));
    }

    [Fact]
    public void Choose_SourceWithSeveralLanguages_TakesTheOneDetectedAmongThem()
    {
        var source = SourceIn("es,ca");

        Assert.Equal(new ArticleLanguageChoice("ca", false), Languages.Choose(source, Catalan, null));
        Assert.Equal(new ArticleLanguageChoice("es", false), Languages.Choose(source, Spanish, null));
        Assert.Equal(new ArticleLanguageChoice("de", true), Languages.Choose(source, German, null));
    }

    [Fact]
    public void Choose_AutoSource_TakesTheDetectedLanguageWithoutCountingIt()
    {
        Assert.Equal(new ArticleLanguageChoice("de", false), Languages.Choose(SourceIn("auto"), German, null));
        Assert.Equal(new ArticleLanguageChoice("es", false), Languages.Choose(SourceIn(null), Spanish, "de"));
    }

    [Fact]
    public void Choose_AHeadlineAlone_NeverOverrulesTheConfiguration()
    {
        Assert.Equal(new ArticleLanguageChoice("es", false), Languages.Choose(SourceIn("es"), "Neuer Haushalt vorgestellt", null));
    }

    [Fact]
    public void Choose_AnotherVarietyOfTheConfiguredLanguage_KeepsTheConfiguredOne()
    {
        Assert.Equal(new ArticleLanguageChoice("sr", false), Languages.Choose(SourceIn("sr"), Croatian, null));
        Assert.Equal(new ArticleLanguageChoice("bs", false), Languages.Choose(SourceIn("bs"), Croatian, null));
    }

    [Fact]
    public void Choose_ConfiguredLanguageTheDetectorCannotName_IsKept()
    {
        // Lingua has no Galician: Galician reads as Portuguese or Spanish to it, so it never overrules "gl".
        Assert.Equal(new ArticleLanguageChoice("gl", false), Languages.Choose(SourceIn("gl"), Portuguese, null));
    }
}
