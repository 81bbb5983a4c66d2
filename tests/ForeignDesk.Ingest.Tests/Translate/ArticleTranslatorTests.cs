using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ArticleTranslatorTests
{
    private static ExtractedArticle Article(IReadOnlyList<Paragraph> paragraphs, string? teaser, string? caption) => new(
        "El gobierno aprueba el presupuesto",
        teaser,
        paragraphs,
        "Ana García",
        DateTimeOffset.Parse("2024-05-01T10:00:00Z"),
        null,
        "es",
        "https://ejemplo.es/a",
        "Economía",
        caption is null ? null : new ArticleImage("https://ejemplo.es/a.jpg", caption, "EFE"),
        []);

    [Fact]
    public async Task TranslateAsync_Article_KeepsParagraphCountAndKinds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        Paragraph[] paragraphs =
        [
            new("p", "El gobierno aprobó ayer el <a href=\"https://ejemplo.es/ley\">nuevo presupuesto</a>.", "El gobierno aprobó ayer el nuevo presupuesto."),
            new("h2", "Las reacciones", "Las reacciones"),
            new("blockquote", "Es un <em>gran</em> día", "Es un gran día"),
            new("ul", "<li>La casa</li><li>El perro</li>", "La casa\nEl perro"),
            new("p", "La casa es muy grande.", "La casa es muy grande."),
        ];

        var translated = await new ArticleTranslator().TranslateAsync(Article(paragraphs, "Un día importante.", "La casa roja"), "es", engine, ct);

        Assert.Equal(paragraphs.Select(p => p.Kind), translated.Paragraphs.Select(p => p.Kind));
        Assert.StartsWith("The government", translated.Title);
        Assert.Equal("An important day.", translated.Teaser);
        Assert.Equal("The red house", translated.ImageCaption);
        Assert.Contains("<a href=\"https://ejemplo.es/ley\" rel=\"nofollow noopener\" target=\"_blank\">", translated.Paragraphs[0].Html);
        Assert.Equal("The house is very big.", translated.Paragraphs[4].Html);
        Assert.Equal("The house\nThe dog", translated.Paragraphs[3].Text);
        Assert.DoesNotContain("<", translated.Paragraphs[0].Text);
        Assert.Equal("apertium", translated.Engine);
        Assert.Equal("es→en", translated.Route);
        foreach (var p in translated.Paragraphs) ApertiumEngineTests.AssertBalanced(p.Html);
    }

    [Fact]
    public async Task TranslateAsync_NoTeaserNoImage_LeavesThemNull()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();

        var translated = await new ArticleTranslator().TranslateAsync(Article([new("p", "Hoy", "Hoy")], null, null), "es", engine, ct);

        Assert.Null(translated.Teaser);
        Assert.Null(translated.ImageCaption);
        Assert.Equal("Today", Assert.Single(translated.Paragraphs).Text);
    }

    [Fact]
    public async Task TranslateAsync_RecordsTheParagraphsThatFailTheirChecks()
    {
        var ct = TestContext.Current.CancellationToken;
        IReadOnlyList<Paragraph> paragraphs = [new("p", "Hay 12 heridos.", "Hay 12 heridos."), new("p", "Costó 1.500 euros.", "Costó 1.500 euros.")];

        var translated = await new ArticleTranslator().TranslateAsync(Article(paragraphs, null, null), "es", new NumberBreakingEngine(), ct);

        var check = Assert.Single(translated.Checks);
        Assert.Equal(1, check.Paragraph);
        Assert.Equal(new CheckFailure(CheckKind.Amount, "1.500 (EUR)"), Assert.Single(check.Failures));
    }

    [Fact]
    public async Task TranslateAsync_RecordsAGlossaryNameTheEngineLost_NotOneItKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        workspace.Glossary.Add(new GlossaryEntry("es", "PSOE", "Spanish Socialist Party"));
        workspace.Glossary.Add(new GlossaryEntry("es", "El Diario", Source: "other-outlet"));
        IReadOnlyList<Paragraph> paragraphs = [new("p", "El PSOE gana.", "El PSOE gana."), new("p", "Lo dice El Diario.", "Lo dice El Diario.")];
        var translator = new ArticleTranslator(workspace.Stack(useMemory: false));

        var kept = await translator.TranslateAsync(Article(paragraphs, null, null), "es", "this-outlet", new CopyingEngine(null), ct);
        var lost = await translator.TranslateAsync(Article(paragraphs, null, null), "es", "this-outlet", new CopyingEngine("Spanish Socialist Party"), ct);

        Assert.Empty(kept.Checks);
        var check = Assert.Single(lost.Checks);
        Assert.Equal(0, check.Paragraph);
        var failure = Assert.Single(check.Failures);
        Assert.Equal((CheckKind.GlossaryName, "PSOE", "Spanish Socialist Party"), (failure.Kind, failure.Source, failure.Expected));
    }

    /// <summary>An engine that copies its input, dropping <paramref name="drop"/> wherever it is.</summary>
    private sealed class CopyingEngine(string? drop) : ITranslationEngine
    {
        public string Name => "copying";

        public string? RouteFor(string from, string to) => $"{from}→{to}";

        public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new TranslationResult([.. request.Segments.Select(s => drop is null ? s : s.Replace(drop, "the socialists", StringComparison.Ordinal))], Name, "es→en", 0));
    }

    /// <summary>An engine that copies its input but drops the thousands of "1.500": what a careless engine does.</summary>
    private sealed class NumberBreakingEngine : ITranslationEngine
    {
        public string Name => "breaking";

        public string? RouteFor(string from, string to) => $"{from}→{to}";

        public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new TranslationResult([.. request.Segments.Select(s => s.Replace("1.500", "15", StringComparison.Ordinal))], Name, "es→en", 0));
    }
}
