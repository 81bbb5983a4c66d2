using System.Net;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>Articles in another language than their outlet's configured one, from the feed to the pages.</summary>
public sealed class MixedLanguageTests(MixedLanguageWorld world) : IClassFixture<MixedLanguageWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GermanArticleOfASpanishOutlet_AwaitsAnEngineAndIsShownInGermanWithTheNotice()
    {
        var stored = await world.ArticleAsync(MixedLanguageWorld.German, Ct);
        Assert.Equal("de", stored.Language);
        Assert.Equal(ArticleState.AwaitingEngine, stored.State);
        Assert.Null(stored.Translation);

        var html = await ArticlePageAsync(stored);
        Assert.Contains("No translation engine is available yet for German. This article is shown in its original language.", Text(html));
        Assert.Contains("<h1 lang=\"de\">Die Bundesregierung stellt einen neuen Haushalt vor</h1>", html);
        Assert.Contains(MixedLanguageWorld.German.Paragraphs[1], Text(html));
        Assert.DoesNotContain("Machine-translated", html);
    }

    [Fact]
    public async Task CatalanArticleOfASpanishOutlet_IsTranslatedByTheCatalanRoute()
    {
        var stored = await world.ArticleAsync(MixedLanguageWorld.Catalan, Ct);
        Assert.Equal("ca", stored.Language);
        Assert.Equal(ArticleState.Translated, stored.State);
        Assert.Equal("ca→en", stored.Translation!.Route);
        var catalanTitle = await RawApertium.TranslateAsync("apertium -u cat-eng", MixedLanguageWorld.Catalan.Title, Ct);
        Assert.Equal(catalanTitle, stored.Translation.Title);

        // The route and the pair package that made it, with its version from dpkg.
        Assert.Matches(@"Machine-translated from Catalan by apertium \(ca→en; apertium-\w+-\w+ [0-9][^)]*\) at 20\d\d-", Text(await ArticlePageAsync(stored)));
    }

    [Fact]
    public async Task SpanishArticleOfTheSameOutlet_StaysSpanish()
    {
        var stored = await world.ArticleAsync(MixedLanguageWorld.Spanish, Ct);
        Assert.Equal("es", stored.Language);
        Assert.Equal("es→en", stored.Translation!.Route);
    }

    [Fact]
    public async Task CatalanArticleOfAnOutletConfiguredForSpanishAndCatalan_IsCatalanAndNotCounted()
    {
        var stored = await world.ArticleAsync(MixedLanguageWorld.BilingualCatalan, Ct);
        Assert.Equal("ca", stored.Language);
        Assert.Equal("ca→en", stored.Translation!.Route);
        Assert.Contains("Language: Spanish, Catalan", Text(await world.Browser.GetStringAsync($"/source/{world.Bilingual.Slug}", Ct)));
    }

    [Fact]
    public async Task StatusPage_CountsPerSourceTheArticlesInAnotherLanguageAndThoseAwaitingAnEngine()
    {
        var status = await world.Browser.GetStringAsync("/status", Ct);

        Assert.Contains("<th scope=\"col\">In another language</th>", status);
        Assert.Contains("<th scope=\"col\">Awaiting an engine</th>", status);
        // German and Catalan were detected in the Spanish outlet; German has no route and awaits an engine.
        Assert.Equal("2", Cell(status, world.Mixed, "In another language"));
        Assert.Equal("1", Cell(status, world.Mixed, "Awaiting an engine"));
        Assert.Equal("0", Cell(status, world.Bilingual, "In another language"));
        Assert.Equal("0", Cell(status, world.Bilingual, "Awaiting an engine"));
    }

    private static string Cell(string status, Source source, string column)
    {
        var row = Regex.Match(status, $"<tr><th scope=\"row\"><a href=\"/source/{Regex.Escape(source.Slug)}\">.*?</tr>");
        Assert.True(row.Success, $"no /status row for {source.Name}");
        var cell = Regex.Match(row.Value, $"<td data-label=\"{column}\">([^<]*)</td>");
        Assert.True(cell.Success, $"no {column} cell for {source.Name}");
        return cell.Groups[1].Value;
    }

    private async Task<string> ArticlePageAsync(StoredArticle article)
    {
        using var response = await world.Browser.GetAsync($"/article/{article.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");
}
