using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

/// <summary>The routes through a pivot other than Spanish, through the real Apertium pairs that ./run.sh installs.</summary>
public sealed class ApertiumPivotTests : IAsyncLifetime
{
    private readonly ApertiumEngine engine = ApertiumEngineTests.NewEngine();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private async Task<TranslationResult> Translate(string from, params string[] segments) =>
        await engine.TranslateAsync(new TranslationRequest(from, "en", segments, SegmentFormat.Text), TestContext.Current.CancellationToken);

    [Fact]
    public void Routes_ListBulgarianThroughMacedonianAndSlovenianThroughSerboCroatian()
    {
        var routes = engine.Routes();

        Assert.Contains(routes, r => r is { From: "bg", To: "en", Route: "bg→mk→en" });
        Assert.Contains(routes, r => r is { From: "sl", To: "en", Route: "sl→hbs→en" });
        Assert.Equal(["bul-mkd", "mkd-eng"], engine.ModeNames("bg", "en"));
        Assert.Equal(["slv-hbs", "hbs-eng"], engine.ModeNames("sl", "en"));
    }

    [Fact]
    public async Task TranslateAsync_Bulgarian_GoesThroughMacedonianIntoEnglish()
    {
        var result = await Translate("bg", "Министърът на финансите каза, че данъците няма да се променят.");

        Assert.Equal("bg→mk→en", result.Route);
        var english = result.Segments.Single();
        Assert.Contains("minister", english, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("said", english);
        Assert.DoesNotMatch("[\u0400-\u04FF]", english);
    }

    [Fact]
    public async Task TranslateAsync_Slovenian_GoesThroughSerboCroatianIntoEnglish()
    {
        var result = await Translate("sl", "Vlada je sprejela nov proračun za prihodnje leto.");

        Assert.Equal("sl→hbs→en", result.Route);
        var english = result.Segments.Single();
        Assert.Contains("budget", english);
        Assert.Contains("next year", english);
    }

    [Fact]
    public async Task TranslateAsync_SlovenianWordWithVariantsInSerboCroatian_IsTranslatedAndTheChainLives()
    {
        // The first stage writes "doveli/dovezli"; unescaped, the second stage's analyser stopped on it and every
        // later request of the chain came back empty.
        var result = await Translate("sl",
            "Nekatere so pripeljali cerkveni laiki, druge pa škofija.",
            "Vlada je sprejela nov proračun za prihodnje leto.");

        Assert.Contains("brought", result.Segments[0]);
        Assert.Contains("budget", result.Segments[1]);
        var next = await Translate("sl", "Vlada je sprejela nov proračun za prihodnje leto.");
        Assert.Contains("budget", next.Segments.Single());
    }

    [Fact]
    public async Task TranslateAsync_WordsApertiumDropsBesideUnknownWords_LeaveNoDoubleSpace()
    {
        // Plain Apertium gives "One of лейбъристите  stated": the transfer drops "се" and keeps both blanks.
        var result = await Translate("bg", "Един от лейбъристите се е изказал, че групата му е разтревожена.");

        var english = result.Segments.Single();
        Assert.Contains("stated", english);
        Assert.DoesNotContain("  ", english);
        Assert.True(result.UnknownWordShare > 0);
    }
}
