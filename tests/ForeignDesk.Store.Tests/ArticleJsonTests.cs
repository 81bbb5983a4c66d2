using System.Text.Json;
using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests;

public sealed class ArticleJsonTests
{
    [Theory]
    [InlineData("Выборы в Москве")]
    [InlineData("الانتخابات في القاهرة")]
    [InlineData("北京的选举")]
    [InlineData("L'élection à Lyon")]
    public void Write_LettersOfAnyScript_StoresThemUnescaped(string title)
    {
        var json = ArticleJson.Write(Article(title, new Paragraph("p", title, title)));

        Assert.Contains(title, json);
        Assert.DoesNotContain("\\u", json);
        Assert.Equal(title, ArticleJson.ReadOriginal(json).Title);
    }

    [Theory]
    [InlineData("Tom &amp; Jerry &lt;3 caf&eacute;", "Tom & Jerry <3 café", true)]
    [InlineData("Plain words.", "Plain words.", false)]
    [InlineData("Tom &amp; Jerry &lt;3&nbsp;x", "Tom & Jerry <3\u00A0x", false)]
    [InlineData("Le <a href=\"https://x.example/\">conseil</a>", "Le conseil", true)]
    [InlineData("One<br>Two", "One\nTwo", true)]
    [InlineData("<li>Un</li><li>Deux</li>", "Un\nDeux", true)]
    public void Write_Paragraph_KeepsHtmlOnlyWhereItIsNotTheEncodedText(string html, string text, bool keepsHtml)
    {
        var article = Article("T", new Paragraph("blockquote", html, text), new Paragraph("p", html, text));

        var json = ArticleJson.Write(article);
        var read = ArticleJson.ReadOriginal(json);

        Assert.Equal(keepsHtml, json.Contains("\"html\"", StringComparison.Ordinal));
        Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("paragraphs").EnumerateArray(), p => p.TryGetProperty("kind", out _));
        Assert.Equal(article.Paragraphs, read.Paragraphs);
    }

    [Fact]
    public void Write_TeaserOnly_IsStoredOnlyWhenTrueAndReadBack()
    {
        var whole = Article("T", new Paragraph("p", "Uno.", "Uno."));
        var teaser = whole with { TeaserOnly = true };

        Assert.DoesNotContain("teaserOnly", ArticleJson.Write(whole));
        Assert.False(ArticleJson.ReadOriginal(ArticleJson.Write(whole)).TeaserOnly);
        Assert.True(ArticleJson.ReadOriginal(ArticleJson.Write(teaser)).TeaserOnly);
    }

    [Fact]
    public void Read_FormatBeforeCompaction_GivesTheSameArticle()
    {
        var article = Article("L'élection", new Paragraph("p", "Tom &amp; <em>Jerry</em>", "Tom & Jerry"), new Paragraph("h2", "Été", "Été")) with
        {
            Image = new ArticleImage("https://x.example/a.jpg", "Le port", null),
            Images = [new ArticleImage("https://x.example/b.jpg", null, "AFP") { Position = 2 }],
        };
        var old = JsonSerializer.Serialize(article, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var read = ArticleJson.ReadOriginal(old);

        Assert.Contains("\\u00E9", old);
        Assert.Equal(JsonSerializer.Serialize(article), JsonSerializer.Serialize(read));
        Assert.True(ArticleJson.RewriteOriginal(old)!.Length < old.Length);
        Assert.True(JsonDocument.Parse(old).RootElement.TryGetProperty("text", out _));
        Assert.False(JsonDocument.Parse(ArticleJson.RewriteOriginal(old)!).RootElement.TryGetProperty("text", out _));
        Assert.Equal(JsonSerializer.Serialize(article), JsonSerializer.Serialize(ArticleJson.ReadOriginal(ArticleJson.RewriteOriginal(old)!)));
    }

    private static ExtractedArticle Article(string title, params Paragraph[] paragraphs) =>
        new(title, null, paragraphs, null, new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), null, "fr", null, null, null, ["mot"]);
}
