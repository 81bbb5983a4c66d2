using Xunit;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class ArticleHtmlSanitizerTests
{
    private static readonly Uri Base = new("https://www.lemonde.fr/international/article/2024/03/05/x.html");

    [Theory]
    [InlineData("<p>Texte<script>alert(1)</script></p>", "<p>Texte</p>")]
    [InlineData("<p onclick=\"steal()\">Texte</p>", "<p>Texte</p>")]
    [InlineData("<p>Avant<iframe src=\"https://evil.example\"></iframe>après</p>", "<p>Avantaprès</p>")]
    [InlineData("<p style=\"color:red\">Texte<style>p{}</style></p>", "<p>Texte</p>")]
    [InlineData("<form action=\"/x\"><input name=\"q\"></form><p>Texte</p>", "<p>Texte</p>")]
    [InlineData("<p class=\"x\" id=\"y\"><span>Texte</span></p>", "<p>Texte</p>")]
    public void SanitizeInline_DangerousMarkup_IsRemoved(string html, string expected)
    {
        Assert.Equal(expected, ArticleHtmlSanitizer.SanitizeInline(html, Base));
    }

    [Fact]
    public void SanitizeInline_Link_IsAbsoluteWithRelAndTarget()
    {
        var result = ArticleHtmlSanitizer.SanitizeInline("<a href=\"/politique/\" onmouseover=\"x()\">lien</a>", Base);

        Assert.Equal("<a href=\"https://www.lemonde.fr/politique/\" rel=\"nofollow noopener\" target=\"_blank\">lien</a>", result);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">lien</a>")]
    [InlineData("<a href=\"data:text/html,x\">lien</a>")]
    [InlineData("<a href=\"mailto:a@b.example\">lien</a>")]
    public void SanitizeInline_NonHttpLink_KeepsOnlyText(string html)
    {
        Assert.Equal("lien", ArticleHtmlSanitizer.SanitizeInline(html, Base));
    }

    [Fact]
    public void SanitizeInline_AllowListedMarkup_IsKept()
    {
        const string html = "<h2>Titre</h2><ul><li><em>un</em></li><li><strong>deux</strong><br></li></ul><blockquote>cite</blockquote><figure><img src=\"https://img.example/a.jpg\" alt=\"a\"><figcaption>leg</figcaption></figure>";

        Assert.Equal(html, ArticleHtmlSanitizer.SanitizeInline(html, Base));
    }
}
