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
    [InlineData("However, the negotiations have stagnated ..[][\n]", "However, the negotiations have stagnated.")]
    [InlineData("For the that knows , had travelled.", "For the that knows, had travelled.")]
    [InlineData("the similarity they have ,..[]", "the similarity they have,.")]
    [InlineData("It was true  !", "It was true!")]
    [InlineData("He said \"yes .\" Then", "He said \"yes.\" Then")]
    [InlineData("Runs on .NET today", "Runs on .NET today")]
    [InlineData("A smile :-) here", "A smile :-) here")]
    [InlineData("Another name[ ]: « a cultural property ».", "Another name : « a cultural property ».")]
    [InlineData("Kept[ ]? Yes", "Kept ? Yes")]
    public void Parse_SpacesLeftByApertium_NeverDoubleNorBeforePunctuation(string reply, string expected)
    {
        var parsed = ApertiumReply.Parse(reply);

        Assert.Equal(expected, string.Concat(parsed.Segments.Single().Select(t => t.Value)));
    }

    [Fact]
    public void Parse_SpaceBeforePunctuationAtAMarker_LeavesTheMarkersWhole()
    {
        var parsed = ApertiumReply.Parse("The [fd:b]house[fd:/b] , said .[fd:seg]Next[ ]; then");

        Assert.Equal(
            [new ReplyToken(ReplyTokenKind.Text, "The "), new ReplyToken(ReplyTokenKind.Marker, "b"), new ReplyToken(ReplyTokenKind.Text, "house"),
             new ReplyToken(ReplyTokenKind.Marker, "/b"), new ReplyToken(ReplyTokenKind.Text, ", said.")],
            parsed.Segments[0]);
        Assert.Equal("Next ; then", string.Concat(parsed.Segments[1].Select(t => t.Value)));
    }

    [Theory]
    [InlineData("es", "Sin embargo, las negociaciones para la desnuclearización se han estancado.", "stagnated.")]
    [InlineData("ca", "Pel que se sap, havia viatjat dimecres amb el seu cosí des de la província veïna.", "knows, had")]
    public async Task TranslateAsync_WordApertiumDropsBeforePunctuation_LeavesNoSpaceBeforeIt(string from, string text, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        // Plain Apertium writes "have stagnated ." and "For the that knows , had".
        Assert.Matches(@" [.,]", await PlainApertiumAsync(text, from == "es" ? "spa-eng" : "cat-eng", ct));

        var english = (await engine.TranslateAsync(new TranslationRequest(from, "en", [text], SegmentFormat.Text), ct)).Segments.Single();

        Assert.Contains(expected, english);
        Assert.DoesNotMatch(@" [.,;:!?]", english);
    }

    [Fact]
    public async Task TranslateAsync_SpaceBeforePunctuationInTheSource_IsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();

        var english = (await engine.TranslateAsync(
            new TranslationRequest("fr", "en", ["Elle lui a donné un tout autre nom : « un bien culturel » ; il a accepté."], SegmentFormat.Text), ct)).Segments.Single();

        Assert.Contains("name : «", english);
        Assert.Contains("» ;", english);
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
