using System.Net;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// Each paragraph of a translation links to a form that reports a problem in it: a report is kept with its article and
/// paragraph; bad input (no such article or paragraph, an empty or oversized note, a missing or foreign token, a post
/// from another site, one report too many) is a 4xx page and keeps nothing.
/// </summary>
public sealed class ReaderReportTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;

    public async ValueTask InitializeAsync() =>
        _site = await SeededSite.StartAsync(Ct, new Dictionary<string, string?> { ["Site:ReportsPerAddressPerHour"] = "3" });

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private long Budget => _site.Seed.Budget;

    [Fact]
    public async Task ArticlePageAndBilingualView_LinkEveryTranslatedParagraphToItsReportForm()
    {
        var article = await _site.Server.Store.GetArticleAsync(Budget, Ct);
        var count = article!.Translation!.Paragraphs.Count;
        var expected = Enumerable.Range(1, count).Select(n => $"/article/{Budget}/report/{n}").ToList();

        var page = await HtmlPage.GetAsync(_site.Server.Client, _site.BudgetPath, Ct);
        Assert.Equal(expected, page.Document.QuerySelectorAll(".body a.report-link").Select(a => a.GetAttribute("href")));
        Assert.Equal("nofollow", page.One(".body a.report-link").GetAttribute("rel"));

        var bilingual = await HtmlPage.GetAsync(_site.Server.Client, _site.BudgetPath + "?view=bilingual", Ct);
        Assert.Equal(expected, bilingual.Document.QuerySelectorAll(".pair[id] > a.report-link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task UntranslatedArticle_HasNoReportLinks_AndNoForm()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_site.Seed.Basque}/gobernuak-aurrekontua-onartu-du", Ct);
        Assert.Equal(200, page.Status);
        Assert.Null(page.Document.QuerySelector(".report-link"));

        var form = await HtmlPage.GetAsync(_site.Plain, $"/article/{_site.Seed.Basque}/report/1", Ct);
        Assert.Equal(404, form.Status);
        Assert.Contains("no translation", form.Html);
    }

    [Fact]
    public async Task PostingAReport_StoresItWithItsParagraph_AndThanksTheReader()
    {
        var form = await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/2", Ct);
        Assert.Equal(200, form.Status);
        Assert.Equal($"/article/{Budget}/report/2", form.One("form[method=post]").GetAttribute("action"));

        using var response = await PostAsync(2, Token(form), "  “approved” should be “passed”\r\nsee the original \u202Eparagraph  ");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", html);

        var report = Assert.Single(await ReportsAsync());
        Assert.Equal((1, "“approved” should be “passed”\nsee the original paragraph"), (report.Paragraph, report.Message));
        Assert.Null(report.ResolvedUtc);
    }

    [Fact]
    public async Task UnknownArticleOrParagraph_Is404_AndKeepsNothing()
    {
        var token = Token(await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/1", Ct));
        var count = (await _site.Server.Store.GetArticleAsync(Budget, Ct))!.Translation!.Paragraphs.Count;

        Assert.Equal(404, (await HtmlPage.GetAsync(_site.Plain, "/article/999999/report/1", Ct)).Status);
        Assert.Equal(404, (await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/0", Ct)).Status);
        var beyond = await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/{count + 1}", Ct);
        Assert.Equal(404, beyond.Status);
        Assert.Contains($"no paragraph {count + 1}", beyond.Html);

        using (var unknown = await PostAsync(1, token, "wrong", articleId: 999_999)) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var outOfRange = await PostAsync(count + 1, token, "wrong")) Assert.Equal(HttpStatusCode.NotFound, outOfRange.StatusCode);
        Assert.Empty(await ReportsAsync());
    }

    [Theory]
    [InlineData("", "Say in a few words")]
    [InlineData(" \u200B\t ", "Say in a few words")]
    [InlineData("oversized", "at most 1000 characters")]
    public async Task EmptyOrOversizedNote_Is400_ShowsTheNoteAgain_AndKeepsNothing(string note, string message)
    {
        if (note == "oversized") note = new string('x', 1001);
        var form = await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/1", Ct);

        using var response = await PostAsync(1, Token(form), note);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page);
        if (note.Length > 1000) Assert.Contains(note, page);
        Assert.Empty(await ReportsAsync());
    }

    [Fact]
    public async Task MissingOrForeignToken_OrAPostFromAnotherSite_IsRefused_AndKeepsNothing()
    {
        var tokenOfParagraph1 = Token(await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/1", Ct));

        using (var none = await PostAsync(1, "", "wrong number")) Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using (var altered = await PostAsync(1, tokenOfParagraph1[..^4] + "AAAA", "wrong number")) Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        using (var other = await PostAsync(2, tokenOfParagraph1, "wrong number")) Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        using (var crossSite = await PostAsync(1, tokenOfParagraph1, "wrong number", headers: ("Sec-Fetch-Site", "cross-site")))
            Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        using (var foreignOrigin = await PostAsync(1, tokenOfParagraph1, "wrong number", headers: ("Origin", "https://elsewhere.example")))
            Assert.Equal(HttpStatusCode.Forbidden, foreignOrigin.StatusCode);
        Assert.Empty(await ReportsAsync());

        using var sameOrigin = await PostAsync(1, tokenOfParagraph1, "wrong number", headers: ("Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.Single(await ReportsAsync());
    }

    [Fact]
    public async Task ReportsFromOneAddress_AreLimited_WithRetryAfter()
    {
        var token = Token(await HtmlPage.GetAsync(_site.Plain, $"/article/{Budget}/report/1", Ct));
        for (var i = 0; i < 3; i++)
            using (var accepted = await PostAsync(1, token, $"report {i}")) Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using var refused = await PostAsync(1, token, "one too many");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("one too many", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, (await ReportsAsync()).Count);
    }

    private async Task<HttpResponseMessage> PostAsync(int number, string token, string note, long? articleId = null, (string Name, string Value)? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/article/{articleId ?? Budget}/report/{number}")
        {
            Content = new FormUrlEncodedContent([new("token", token), new("note", note)]),
        };
        if (headers is { } header) request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return await _site.Plain.SendAsync(request, Ct);
    }

    private async Task<List<TranslationReport>> ReportsAsync() =>
        (await _site.Server.Services.GetRequiredService<ITranslationReportStore>().ReportsAsync(openOnly: false, 100, Ct))
            .Where(r => r.ArticleId == Budget).ToList();

    private static string Token(HtmlPage form) => form.One("input[name=token]").GetAttribute("value")!;
}
