using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Ingest.Translate.Engines;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>
/// Every HTTP engine type against a local server that answers each segment with a script, an image with an event
/// handler, a javascript: link, a full-page style overlay and a right-to-left override: what the article keeps is the
/// extractor's allow-list, links only to http(s), no bidirectional controls.
/// </summary>
public sealed class HostileEngineTests
{
    private const string Hostile =
        "<script>alert(1)</script><img src=\"https://evil.example/x.png\" onerror=\"alert(2)\">" +
        "<a href=\"javascript:alert(3)\">click</a> <a href=\"data:text/html,<script>alert(4)</script>\">data</a> " +
        "<div style=\"position:fixed;inset:0;z-index:99999;background:#fff\">You have been logged out</div>" +
        "<style>body{display:none}</style><iframe src=\"https://evil.example/\"></iframe>" +
        "<p onclick=\"alert(5)\">A <a href=\"https://ok.example/news\" onmouseover=\"alert(6)\">fine link</a> \u202Egnp.exe</p>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<EngineType> Types => [EngineType.LibreTranslate, EngineType.DeepL, EngineType.Google, EngineType.Azure, EngineType.OpenAI];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_EngineReturnsHostileHtml_KeepsOnlyTheAllowList(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Otherwise = FakeReply.Fixed(Hostile);
        var article = new ExtractedArticle("Un título", "Una entradilla",
            [
                new Paragraph("p", "El <a href=\"https://diario.example/ley\">texto</a> de la ley.", "El texto de la ley."),
                new Paragraph("p", "Segundo párrafo de la noticia.", "Segundo párrafo de la noticia."),
            ],
            null, null, null, "es", "https://diario.example/nota", null, new ArticleImage("https://diario.example/a.jpg", "Una foto", "EFE"), []);

        var translation = await new ArticleTranslator().TranslateAsync(article, "es", server.Engine(), Ct);

        Assert.Equal(2, translation.Paragraphs.Count);
        foreach (var paragraph in translation.Paragraphs)
        {
            foreach (var bad in new[] { "<script", "alert(1)", "onerror", "onclick", "onmouseover", "javascript:", "data:", "style", "<div", "<iframe", "display:none" })
                Assert.DoesNotContain(bad, paragraph.Html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<a href=\"https://ok.example/news\" rel=\"nofollow noopener\" target=\"_blank\">fine link</a>", paragraph.Html, StringComparison.Ordinal);
            Assert.Contains("You have been logged out", paragraph.Text, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202E', paragraph.Html);
            Assert.DoesNotContain('\u202E', paragraph.Text);
        }
        Assert.DoesNotContain('\u202E', translation.Title);
        Assert.DoesNotContain('\u202E', translation.Teaser);
        Assert.DoesNotContain('\u202E', translation.ImageCaption);
    }
}
