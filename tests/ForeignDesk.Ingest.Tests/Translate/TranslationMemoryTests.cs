using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class TranslationMemoryTests
{
    private static ExtractedArticle Article(params string[] paragraphs) => new(
        "El gobierno aprueba el presupuesto",
        "Un día importante.",
        paragraphs.Select(p => new Paragraph("p", p, p)).ToList(),
        null, null, null, "es", null, null, null, []);

    [Fact]
    public async Task TranslateAsync_SecondRunWithoutApertiumPairs_ComesFromMemory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        var article = Article("La casa es muy grande.", "El perro <em>negro</em> duerme en el jardín.");
        var translator = new ArticleTranslator(workspace.Stack());
        TranslatedArticle first;
        await using (var engine = ApertiumEngineTests.NewEngine())
            first = await translator.TranslateAsync(article, "es", engine, ct);

        var empty = Directory.CreateTempSubdirectory("fd-modes-");
        try
        {
            await using var blind = new ApertiumEngine(Options.Create(new ApertiumOptions { ModesDirectory = empty.FullName }), NullLogger<ApertiumEngine>.Instance);
            var second = await translator.TranslateAsync(article, "es", blind, ct);

            Assert.Equal("The house is very big.", second.Paragraphs[0].Html);
            Assert.Equal(first.Paragraphs.Select(p => p.Html), second.Paragraphs.Select(p => p.Html));
            Assert.Equal(first.Title, second.Title);
            Assert.Equal(first.Teaser, second.Teaser);
            Assert.Equal(first.UnknownWordShare, second.UnknownWordShare, 6);
            await Assert.ThrowsAsync<TranslationException>(() =>
                blind.TranslateAsync(new TranslationRequest("es", "en", ["Hoy"], SegmentFormat.Text), ct));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TranslateAsync_OneParagraphChanged_OnlyThatParagraphIsSent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        await using var apertium = ApertiumEngineTests.NewEngine();
        var engine = new RecordingEngine(apertium);
        var translator = new ArticleTranslator(workspace.Stack());
        await translator.TranslateAsync(Article("La casa es muy grande.", "El perro duerme.", "Mañana llueve."), "es", engine, ct);
        engine.Received.Clear();

        var again = await translator.TranslateAsync(Article("La casa es muy grande.", "El gato duerme.", "Mañana llueve."), "es", engine, ct);

        Assert.Equal(["El gato duerme."], engine.Received);
        Assert.Equal("The cat sleeps.", again.Paragraphs[1].Html);
        Assert.Equal("The house is very big.", again.Paragraphs[0].Html);
        Assert.Equal(3, again.Paragraphs.Count);
    }

    [Fact]
    public async Task TranslateAsync_SameArticleTwice_EngineNotCalledTheSecondTime()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        await using var apertium = ApertiumEngineTests.NewEngine();
        var engine = new RecordingEngine(apertium);
        var translator = new ArticleTranslator(workspace.Stack());
        var article = Article("La casa es muy grande.");
        var first = await translator.TranslateAsync(article, "es", engine, ct);
        var requests = engine.Requests;

        var second = await translator.TranslateAsync(article, "es", engine, ct);

        Assert.True(requests > 0);
        Assert.Equal(requests, engine.Requests);
        Assert.Equal(first with { LengthRatio = 0 }, second with { LengthRatio = 0 }, new TranslatedComparer());
        Assert.InRange(second.LengthRatio, 0.5, 2.0);
    }

    [Fact]
    public async Task TranslateAsync_GlossaryChanged_UnitsTranslatedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        await using var apertium = ApertiumEngineTests.NewEngine();
        var engine = new RecordingEngine(apertium);
        var stack = workspace.Stack();
        var request = new TranslationRequest("es", "en", ["El presidente de la Generalitat habló."], SegmentFormat.Text);
        await stack.For(engine, "es").TranslateAsync(request, ct);
        workspace.Glossary.Add(new GlossaryEntry("es", "Generalitat"));
        engine.Received.Clear();

        var result = await stack.For(engine, "es").TranslateAsync(request, ct);

        Assert.Single(engine.Received);
        Assert.Contains("Generalitat", result.Segments.Single());
    }

    [Fact]
    public async Task FindAsync_OtherEngineOrLanguage_Misses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        var scope = new MemoryScope("es", "en", "apertium", SegmentFormat.Text, "none");
        await workspace.Memory.SaveAsync(scope, [new MemoryEntry("Hola", "Hello", 0)], ct);

        Assert.Equal("Hello", (await workspace.Memory.FindAsync(scope, ["Hola", "Adiós"], ct))["Hola"].Target);
        Assert.Empty(await workspace.Memory.FindAsync(scope with { Engine = "deepl" }, ["Hola"], ct));
        Assert.Empty(await workspace.Memory.FindAsync(scope with { From = "ca" }, ["Hola"], ct));
        Assert.Empty(await workspace.Memory.FindAsync(scope with { Format = SegmentFormat.Html }, ["Hola"], ct));
    }

    private sealed class TranslatedComparer : IEqualityComparer<TranslatedArticle>
    {
        public bool Equals(TranslatedArticle? x, TranslatedArticle? y) =>
            x is not null && y is not null && x.Title == y.Title && x.Teaser == y.Teaser && x.Engine == y.Engine && x.Route == y.Route
            && x.Paragraphs.Select(p => p.Html).SequenceEqual(y.Paragraphs.Select(p => p.Html));

        public int GetHashCode(TranslatedArticle obj) => obj.Title.GetHashCode();
    }
}
