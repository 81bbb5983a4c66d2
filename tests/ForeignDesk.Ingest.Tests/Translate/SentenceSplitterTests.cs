using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("es", "El Sr. Pérez llegó. La Dra. Gómez no.", new[] { "El Sr. Pérez llegó. ", "La Dra. Gómez no." })]
    [InlineData("es", "Subió un 3.5 por ciento. Costó 1.250.000 euros.", new[] { "Subió un 3.5 por ciento. ", "Costó 1.250.000 euros." })]
    [InlineData("es", "Frutas, verduras, etc. Todo subió.", new[] { "Frutas, verduras, etc. Todo subió." })]
    [InlineData("es", "Hay opciones, p. ej. Madrid o Sevilla. Ganó Madrid.", new[] { "Hay opciones, p. ej. Madrid o Sevilla. ", "Ganó Madrid." })]
    [InlineData("es", "¿Vendrá? ¡Sí! «Claro», dijo.", new[] { "¿Vendrá? ", "¡Sí! ", "«Claro», dijo." })]
    [InlineData("es", "Viajó a EE. UU. El lunes volvió.", new[] { "Viajó a EE. UU. El lunes volvió." })]
    [InlineData("fr", "M. Dupont est arrivé. Il pleut.", new[] { "M. Dupont est arrivé. ", "Il pleut." })]
    [InlineData("fr", "« C'est fini. » Puis il partit.", new[] { "« C'est fini. » ", "Puis il partit." })]
    [InlineData("bg", "Той живее в гр. София. Проф. Иванова не.", new[] { "Той живее в гр. София. ", "Проф. Иванова не." })]
    [InlineData("sl", "Dr. Novak je prišel. Npr. Ljubljana in Maribor.", new[] { "Dr. Novak je prišel. ", "Npr. Ljubljana in Maribor." })]
    [InlineData("en", "See https://example.com/a.b now. Then go.", new[] { "See https://example.com/a.b now. ", "Then go." })]
    public void Split_KnowsAbbreviationsAndNumbers(string language, string text, string[] expected)
    {
        var sentences = SentenceSplitter.Split(text, language);

        Assert.Equal(expected, sentences);
        Assert.Equal(text, string.Concat(sentences));
    }

    [Fact]
    public void SplitToFit_LongSentence_CutAtSpacesWithinLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("palabra", 40)) + ". Corta.";

        var pieces = SentenceSplitter.SplitToFit(text, "es", 100);

        Assert.All(pieces, p => Assert.True(p.Length <= 100, p));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public async Task TranslateAsync_UnitOverEngineLimit_SplitIntoSentencesAndJoined()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var apertium = ApertiumEngineTests.NewEngine();
        var recorder = new RecordingEngine(apertium);
        var engine = new SegmentingTranslationEngine(recorder, 60);
        var html = "La casa es muy grande. El Sr. Pérez tiene un <a href=\"https://ejemplo.es/p\">perro negro. Y un gato.</a> Mañana llueve en Madrid.";

        var result = await engine.TranslateAsync(new TranslationRequest("es", "en", ["Hoy", html], SegmentFormat.Html), ct);

        Assert.Equal(2, result.Segments.Count);
        Assert.Equal("Today", result.Segments[0]);
        Assert.True(recorder.Received.Count > 2);
        Assert.Contains(recorder.Received, r => r.Contains("<a href") && r.Contains("</a>"));
        Assert.StartsWith("The house is very big. ", result.Segments[1]);
        Assert.Contains("Mr. Pérez", result.Segments[1]);
        Assert.Contains("<a href=\"https://ejemplo.es/p\">", result.Segments[1]);
        Assert.EndsWith("Madrid.", result.Segments[1]);
        ApertiumEngineTests.AssertBalanced(result.Segments[1]);
    }
}
