using System.Text.RegularExpressions;
using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class DocumentTranslatorTests
{
    [Fact]
    public async Task TranslateTextAsync_LinesInEqualLinesOut_EmptyLinesKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        var input = "La casa es roja.\n\nEl perro\n   \nMañana llueve en Madrid. El Sr. Pérez no viene.\nHoy\n";

        var result = await DocumentTranslator.TranslateTextAsync(input, "es", "en", TranslationStack.Plain.For(engine, "es"), ct);
        var lines = result.Text.Split('\n');

        Assert.Equal(input.Split('\n').Length, lines.Length);
        Assert.Equal(["The house is red.", "", "The dog", "   "], lines[..4]);
        Assert.Contains("Madrid", lines[4]);
        Assert.Equal("Today", lines[5]);
        Assert.Equal("", lines[6]);
        Assert.Equal(4, result.Units);
    }

    [Fact]
    public async Task TranslateTextAsync_QuotesNumbersUrlsAndMail_Survive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        var input = "El «presidente» dijo “hola” y „adiós“ en 3,5 segundos.\nSubió un 25,7% hasta 1.250.000 euros, según https://ejemplo.es/a?b=1&c=2 y juan@correo.es.";

        var lines = (await DocumentTranslator.TranslateTextAsync(input, "es", "en", TranslationStack.Plain.For(engine, "es"), ct)).Text.Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.Matches("«[^»]+»", lines[0]);
        Assert.Matches("“[^”]+”", lines[0]);
        Assert.Matches("„[^“]+“", lines[0]);
        Assert.Contains("3.5", lines[0]);
        foreach (var kept in new[] { "25.7%", "1,250,000", "https://ejemplo.es/a?b=1&c=2", "juan@correo.es" })
            Assert.Contains(kept, lines[1]);
        Assert.DoesNotMatch(@"[*#~]", string.Join("\n", lines));
    }

    [Fact]
    public async Task TranslateTextAsync_FrenchQuotes_SurviveThePivot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();

        var text = (await DocumentTranslator.TranslateTextAsync("Le « président » a dit “bonjour” à 15 h 30.", "fr", "en", TranslationStack.Plain.For(engine, "fr"), ct)).Text;

        Assert.Matches("« [^»]+ »", text);
        Assert.Matches("“[^”]+”", text);
        Assert.Contains("15", text);
    }

    [Fact]
    public async Task TranslateTextAsync_GalicianUnknownWords_CarryNoMarks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();

        var result = await DocumentTranslator.TranslateTextAsync("Depende dos propios membros de Indonesio.", "gl", "en", TranslationStack.Plain.For(engine, "gl"), ct);

        Assert.DoesNotMatch(@"[*#@~\\]", result.Text);
        Assert.Contains("Indonesio", result.Text);
    }

    [Theory]
    [InlineData("es", "<p>El gobierno publicó <a href=\"https://ejemplo.es/informe\">el informe anual</a> ayer.</p>\n<p>La casa es <em>muy grande</em>.<br>El perro duerme.</p>", "report")]
    [InlineData("fr", "<p>Le gouvernement a publié <a href=\"https://exemple.fr/rapport\">le rapport annuel</a> hier.</p>\n<p>La maison est <em>très grande</em>.<br>Le chien dort.</p>", "report")]
    public async Task TranslateHtmlAsync_Paragraphs_KeepMarkupAndStructure(string from, string html, string linked)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        var document = "<!DOCTYPE html>\n<html><head><title>x</title><style>p { color: red; }</style></head><body>\n" + html + "\n<script>var casa = 1;</script></body></html>\n";

        var result = await DocumentTranslator.TranslateHtmlAsync(document, from, "en", TranslationStack.Plain.For(engine, from), ct);
        var output = result.Text;

        Assert.Equal(2, Regex.Count(output, "<p>"));
        Assert.Contains("<style>p { color: red; }</style>", output);
        Assert.Contains("<script>var casa = 1;</script>", output);
        Assert.Matches($"<a href=\"https://[^\"]+\">[^<]*{linked}[^<]*</a>", output);
        Assert.Matches("<em>[^<]*(big|large)[^<]*</em>", output);
        Assert.Contains("<br>", output);
        Assert.Contains("dog", output);
        Assert.StartsWith("<!DOCTYPE html>\n<html><head>", output);
        Assert.EndsWith("</body></html>\n", output);
        var body = output[output.IndexOf("<body>", StringComparison.Ordinal)..];
        ApertiumEngineTests.AssertBalanced(Regex.Replace(body, "</?(body|html)>|<script>.*?</script>", ""));
        Assert.Equal(3, result.Units);
    }
}
