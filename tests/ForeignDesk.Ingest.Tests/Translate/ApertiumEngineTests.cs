using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ApertiumEngineTests : IAsyncLifetime
{
    private readonly ApertiumEngine engine = NewEngine();

    internal static ApertiumEngine NewEngine() =>
        new(Options.Create(new ApertiumOptions()), NullLogger<ApertiumEngine>.Instance);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private async Task<TranslationResult> Translate(string from, SegmentFormat format, params string[] segments) =>
        await engine.TranslateAsync(new TranslationRequest(from, "en", segments, format), TestContext.Current.CancellationToken);

    [Fact]
    public async Task TranslateAsync_SpanishSentence_GivesExpectedEnglish()
    {
        var result = await Translate("es", SegmentFormat.Text, "La casa es muy grande.");

        Assert.Equal("The house is very big.", result.Segments.Single());
        Assert.Equal("apertium", result.Engine);
        Assert.Equal("es→en", result.Route);
        Assert.Equal(0, result.UnknownWordShare);
    }

    [Fact]
    public async Task TranslateAsync_French_GoesThroughSpanish()
    {
        var result = await Translate("fr", SegmentFormat.Text, "La maison est très grande.");

        Assert.Equal("fr→es→en", result.Route);
        Assert.Contains("house", result.Segments.Single());
        Assert.Contains("big", result.Segments.Single());
    }

    [Theory]
    [InlineData("es", "El gobierno publicó <a href=\"https://ejemplo.es/informe?id=7&amp;v=2\">el informe anual</a> sobre la <em>economía</em> del país ayer.", "report")]
    [InlineData("fr", "Le gouvernement a publié <a href=\"https://exemple.fr/rapport?id=7&amp;v=2\">le rapport annuel</a> sur l'<em>économie</em> du pays hier.", "report")]
    public async Task TranslateAsync_HtmlWithLinkAndEmphasis_KeepsMarkupOnWords(string from, string html, string linkedWord)
    {
        var result = await Translate(from, SegmentFormat.Html, html);
        var output = result.Segments.Single();

        var link = Regex.Match(output, "<a href=\"(?<href>[^\"]+)\">(?<words>[^<]*)</a>");
        Assert.True(link.Success, output);
        Assert.Contains("&amp;v=2", link.Groups["href"].Value);
        Assert.Contains(linkedWord, link.Groups["words"].Value);
        Assert.Matches("<em>[^<]*econom[^<]*</em>", output);
        AssertBalanced(output);
        Assert.DoesNotContain("fd:", output);
    }

    [Fact]
    public async Task TranslateAsync_ManySegments_MapsOneToOne()
    {
        string[] segments = ["El perro", "La casa es roja.", "", "Un gato negro", "Mañana llueve en Madrid.", "Hoy"];

        var result = await Translate("es", SegmentFormat.Text, segments);

        Assert.Equal(segments.Length, result.Segments.Count);
        Assert.Equal("The dog", result.Segments[0]);
        Assert.Equal("The house is red.", result.Segments[1]);
        Assert.Equal("", result.Segments[2]);
        Assert.Equal("A black cat", result.Segments[3]);
        Assert.Contains("Madrid", result.Segments[4]);
        Assert.Equal("Today", result.Segments[5]);
    }

    [Fact]
    public async Task TranslateAsync_UnknownWords_AreCountedButNotMarked()
    {
        var known = await Translate("es", SegmentFormat.Text, "La casa es grande.");
        var result = await Translate("es", SegmentFormat.Text, "La casa de Zorblaxt es flimbosa.");

        var output = result.Segments.Single();
        Assert.Contains("Zorblaxt", output);
        Assert.Contains("flimbosa", output);
        Assert.DoesNotMatch(@"[*#@~]", output);
        Assert.True(result.UnknownWordShare > known.UnknownWordShare);
        Assert.InRange(result.UnknownWordShare, 0.2, 0.5);
    }

    [Fact]
    public async Task TranslateAsync_NumbersUrlsAndSymbols_SurviveUnchanged()
    {
        var source = "Costó 1.250.000 euros, un 25% más, según https://www.ejemplo.es/casa/informe?a=1&b=2 y #economía @periodico *nota juan@correo.es.";

        var output = (await Translate("es", SegmentFormat.Text, source)).Segments.Single();

        foreach (var kept in new[] { "1,250,000", "25%", "https://www.ejemplo.es/casa/informe?a=1&b=2", "#", "@periodico", "*", "juan@correo.es" })
            Assert.Contains(kept, output);
    }

    [Fact]
    public async Task TranslateAsync_HtmlListAndBreaks_StayBalanced()
    {
        var output = (await Translate("es", SegmentFormat.Html, "<li>La casa <b>grande</b></li><li>El perro<br>negro</li>")).Segments.Single();

        Assert.Equal(2, Regex.Count(output, "<li>"));
        Assert.Contains("<br>", output);
        Assert.Contains("<b>", output);
        AssertBalanced(output);
    }

    [Fact]
    public void Routes_ListsInstalledLanguages()
    {
        var routes = engine.Routes();

        Assert.Contains(routes, r => r is { From: "es", To: "en", Route: "es→en" });
        Assert.Contains(routes, r => r is { From: "fr", To: "en", Route: "fr→es→en" });
        Assert.DoesNotContain(routes, r => r.From == "de");
    }

    [Fact]
    public void RouteFor_Unsupported_ReturnsNull()
    {
        Assert.Null(engine.RouteFor("de", "en"));
        Assert.Null(engine.RouteFor("es", "es"));
    }

    [Fact]
    public void RouteFor_EmptyModesDirectory_ReturnsNull()
    {
        var empty = Directory.CreateTempSubdirectory("fd-modes-");
        try
        {
            var none = new ApertiumEngine(Options.Create(new ApertiumOptions { ModesDirectory = empty.FullName }), NullLogger<ApertiumEngine>.Instance);
            Assert.Null(none.RouteFor("es", "en"));
            Assert.Empty(none.Routes());
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    internal static void AssertBalanced(string html)
    {
        var stack = new Stack<string>();
        foreach (Match tag in Regex.Matches(html, @"<(/?)([a-z0-9]+)[^>]*>"))
        {
            var name = tag.Groups[2].Value;
            if (name == "br") continue;
            if (tag.Groups[1].Value.Length == 0) stack.Push(name);
            else Assert.True(stack.Count > 0 && stack.Pop() == name, $"Unbalanced: {html}");
        }
        Assert.True(stack.Count == 0, $"Unclosed tags: {html}");
    }
}
