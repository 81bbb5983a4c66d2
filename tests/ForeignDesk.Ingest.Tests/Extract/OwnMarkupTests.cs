using Xunit;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class OwnMarkupTests
{
    private static readonly Uri Base = new("https://www.lemonde.fr/international/article/2024/03/05/x.html");

    [Theory]
    [InlineData("Texte <em>simple</em> &amp; <strong>gras</strong><br>suite")]
    [InlineData("<li>un</li><li><b>deux</b> &lt;3&gt;</li>")]
    [InlineData("Voir <a href=\"https://www.lemonde.fr/politique/?a=1&amp;b=2\">le <i>lien</i></a>&nbsp;ici")]
    public void SanitizeBlocks_OwnMarkup_IsWhatTheFullSanitizerGives(string block)
    {
        var fast = ArticleHtmlSanitizer.SanitizeBlocks([block], Base);
        var full = ArticleHtmlSanitizer.SanitizeParsed([block], Base);

        Assert.NotNull(OwnMarkup.Check(block));
        Assert.Equal(full, fast);
    }

    [Fact]
    public void Check_Link_GetsRelAndTarget()
    {
        Assert.Equal(
            "<a href=\"https://www.lemonde.fr/\" rel=\"nofollow noopener\" target=\"_blank\">lien</a>",
            OwnMarkup.Check("<a href=\"https://www.lemonde.fr/\">lien</a>"));
    }

    [Theory]
    [InlineData("Texte<script>alert(1)</script>")]
    [InlineData("<em onclick=\"x()\">Texte</em>")]
    [InlineData("<a href=\"javascript:alert(1)\">lien</a>")]
    [InlineData("<a href=\"/relatif\">lien</a>")]
    [InlineData("<a href=\"https://a.example/\" onmouseover=\"x()\">lien</a>")]
    [InlineData("<em>ouvert")]
    [InlineData("<em>croisé<b></em></b>")]
    [InlineData("Texte</em>")]
    [InlineData("&lt;script&gt; et &#60;script&#62;")]
    [InlineData("a > b")]
    [InlineData("<em><li>dans</li></em>")]
    [InlineData("<a href=\"https://a.example/\"><a href=\"https://b.example/\">imbriqué</a></a>")]
    [InlineData("<img src=\"https://a.example/x.jpg\">")]
    public void Check_AnythingElse_FallsBackToTheFullSanitizer(string block)
    {
        Assert.Null(OwnMarkup.Check(block));
    }

    [Fact]
    public void SanitizeBlocks_MixedBlocks_SanitizesTheForeignOnesFully()
    {
        var clean = ArticleHtmlSanitizer.SanitizeBlocks(["Texte <em>sûr</em>", "Avant<script>alert(1)</script>après", "<a href=\"data:text/html,x\">lien</a>"], Base);

        Assert.Equal(["Texte <em>sûr</em>", "Avantaprès", "lien"], clean);
    }

    [Fact]
    public void EncodeText_EscapesAsTheSerializerDoes()
    {
        Assert.Equal("a &amp; b &lt;c&gt; d&nbsp;e \"f\" 'g'", OwnMarkup.EncodeText("a & b <c> d\u00A0e \"f\" 'g'"));
    }
}
