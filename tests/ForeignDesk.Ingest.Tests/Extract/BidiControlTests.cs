using ForeignDesk.Ingest.Extract;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>Bidirectional embeddings, overrides and isolates from an outlet never reach the stored article.</summary>
public sealed class BidiControlTests
{
    private static readonly char[] Controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    [Fact]
    public void Extract_BidiOverridesInTitleBodyBylineAndCaption_AreRemoved()
    {
        var article = TestPages.Extract(TestPages.Article(
            head: "<meta name=\"author\" content=\"Ana \u202EzeréP\u202C\">",
            before: "<figure><img src=\"/f.jpg\" alt=\"\"><figcaption>Foto \u2067del\u2069 acto <span class=\"credit\">EFE\u202D</span></figcaption></figure>",
            extra: "<p>El documento adjunto se llama factura\u202Efdp.exe y fue enviado por correo a los vecinos del barrio.</p>")
            .Replace("<h1>Titular de prueba</h1>", "<h1>Titular \u202Ade\u202C prueba</h1>", StringComparison.Ordinal));

        var texts = new List<string?> { article.Title, article.Teaser, article.Byline, article.Image?.Caption, article.Image?.Credit };
        texts.AddRange(article.Paragraphs.SelectMany(p => new[] { p.Html, p.Text }));
        texts.AddRange(article.Images.SelectMany(i => new[] { i.Caption, i.Credit }));
        Assert.Contains(article.Paragraphs, p => p.Text.Contains("facturafdp.exe", StringComparison.Ordinal));
        Assert.All(texts.OfType<string>(), t => Assert.Equal(-1, t.IndexOfAny(Controls)));
    }

    [Fact]
    public void Strip_KeepsMarksAndOtherText()
    {
        Assert.Equal("abc\u200F\u200Edef", BidiControls.Strip("a\u202Eb\u2066c\u200F\u200Edef\u2069"));
        Assert.Same("plain", BidiControls.Strip("plain"));
    }
}
