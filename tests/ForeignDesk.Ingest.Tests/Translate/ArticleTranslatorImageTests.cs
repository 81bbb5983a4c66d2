using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ArticleTranslatorImageTests
{
    [Fact]
    public async Task TranslateAsync_BodyImages_GetEnglishCaptionsInTheirOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        var article = new ExtractedArticle("La casa", null, [new Paragraph("p", "La casa es muy grande.", "La casa es muy grande.")], null,
            null, null, "es", null, null, new ArticleImage("https://ejemplo.es/a.jpg", "La casa roja", "EFE"), [])
        {
            Images =
            [
                new ArticleImage("https://ejemplo.es/b.jpg", "El perro", "EFE") { Position = 1 },
                new ArticleImage("https://ejemplo.es/c.jpg", null, "Reuters"),
                new ArticleImage("https://ejemplo.es/d.jpg", "La casa", null),
            ],
        };

        var translated = await new ArticleTranslator().TranslateAsync(article, "es", engine, ct);

        Assert.Equal("The red house", translated.ImageCaption);
        Assert.Equal(["The dog", null, "The house"], translated.ImageCaptions);
    }
}
