using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ApertiumLinesTests
{
    private const string Text = """
        Sainsbury's planea entrar en el mercado de la belleza del Reino Unido
        La cadena abrirá tiendas en sus supermercados y venderá marcas de lujo.
        Un tiburón hiere a un chico mientras pesca langostas en California

        Según la policía, el chico fue trasladado a un hospital de San Diego
        El alcalde dijo: "Es un día triste para la ciudad".
        """;

    [Fact]
    public async Task TranslateTextAsync_LinesOfOneText_ReadAsPlainApertiumReadsTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        // Two chains: the lines must still go in order through one of them.
        await using var engine = new ApertiumEngine(
            Options.Create(new ApertiumOptions { ProcessesPerPair = 2 }), NullLogger<ApertiumEngine>.Instance);

        var ours = await DocumentTranslator.TranslateTextAsync(Text, "es", "en", TranslationStack.Plain.For(engine, "es"), ct);
        var raw = await PlainApertiumAsync(Text, "spa-eng", ct);

        Assert.Equal(Text.Split('\n').Length, ours.Text.Split('\n').Length);
        Assert.Equal(raw.TrimEnd('\n').Split('\n'), ours.Text.TrimEnd('\n').Split('\n'));
        Assert.Equal("", ours.Text.Split('\n')[3]);
    }

    [Fact]
    public async Task TranslateAsync_LinesOfOneText_MapOneToOneWithEmptyAndBrokenLines()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        string[] lines = ["El perro", "", "La casa es roja.", "Un gato\nnegro", "  Hoy  "];

        var result = await engine.TranslateAsync(
            new TranslationRequest("es", "en", lines, SegmentFormat.Text) { LinesOfOneText = true }, ct);

        Assert.Equal(lines.Length, result.Segments.Count);
        Assert.Equal("", result.Segments[1]);
        Assert.Equal("The house is red.", result.Segments[2]);
        Assert.DoesNotContain("\n", result.Segments[3]);
        Assert.Contains("cat", result.Segments[3]);
        Assert.Equal("  Today  ", result.Segments[4]);
    }

    [Fact]
    public void Parse_Lines_SplitsAtLineFeedBlanksOnly()
    {
        var reply = ApertiumReply.Parse("The dog[  ]barks[\n]The house is red[\n]Today.[][\n]", lines: true);

        Assert.Equal(3, reply.Segments.Count);
        Assert.Equal("The dog  barks", string.Concat(reply.Segments[0].Select(t => t.Value)));
        Assert.Equal("The house is red", string.Concat(reply.Segments[1].Select(t => t.Value)));
        Assert.Equal("Today", string.Concat(reply.Segments[2].Select(t => t.Value)));
    }

    [Fact]
    public void Parse_LinesWithAMissingLineFeed_GivesFewerSegments()
    {
        // The engine compares the count with the lines it sent and translates the batch again unit by unit.
        var reply = ApertiumReply.Parse("The dog The house is red[\n]Today.[][\n]", lines: true);

        Assert.Equal(2, reply.Segments.Count);
    }

    [Theory]
    [InlineData("Show me a *aute.", "Show me an aute.")]
    [InlineData("A #aute came.", "An aute came.")]
    [InlineData("Show me a *bute.", "Show me a bute.")]
    [InlineData("Give it a *ute and a spa *aute.", "Give it an ute and a spa aute.")]
    public void Parse_EnglishArticleBeforeUnknownWord_AgreesAsWithoutMarks(string reply, string expected)
    {
        var parsed = ApertiumReply.Parse(reply, englishArticles: true);

        Assert.Equal(expected, string.Concat(parsed.Segments.Single().Select(t => t.Value)));
        Assert.True(parsed.UnknownWords > 0);
    }

    [Theory]
    [InlineData("One of *лейбъристите  stated.", "One of лейбъристите stated.")]
    [InlineData("The *casa  #is red.", "The casa is red.")]
    [InlineData("A word * here.", "A word here.")]
    [InlineData("An \\*escaped  mark.", "An escaped mark.")]
    [InlineData("Kept[  ]as sent  twice.", "Kept  as sent twice.")]
    public void Parse_SpacesLeftByApertium_NeverDouble(string reply, string expected)
    {
        var parsed = ApertiumReply.Parse(reply);

        Assert.Equal(expected, string.Concat(parsed.Segments.Single().Select(t => t.Value)));
    }

    private static async Task<string> PlainApertiumAsync(string text, string pair, CancellationToken ct)
    {
        var info = new ProcessStartInfo("apertium") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(pair);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start apertium.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(text.AsMemory(), ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        Assert.Equal(0, process.ExitCode);
        return await output;
    }
}
