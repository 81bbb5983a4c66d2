using System.Net;
using System.Text.Json;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Search;

public sealed class SearchPageTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HtmlPage> GetAsync(string path) => HtmlPage.GetAsync(site.Server.Client, path, Ct);

    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/article/1/x")]
    [InlineData("/no-such-page")]
    public async Task EveryPage_HasTheSearchBox(string path)
    {
        var page = await GetAsync(path);
        var form = page.One("header form[role=search]");
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task Search_FindsTheArticleAndHighlightsTheMatch()
    {
        var page = await GetAsync("/search?q=approved");

        Assert.Equal(200, page.Status);
        var item = page.One("ol.results li");
        Assert.Equal($"/article/{site.Seed.Budget}/government-approves-the-budget", item.QuerySelector("a.title")!.GetAttribute("href"));
        Assert.Equal("approved", item.QuerySelector(".snippet mark")!.TextContent);
        Assert.Contains("News/Politics", item.QuerySelector(".meta")!.TextContent);
        Assert.Contains("2026-11-29 08:15 UTC", item.QuerySelector(".meta")!.TextContent);
        Assert.Equal("approved", page.One("#search-q").GetAttribute("value"));
    }

    [Fact]
    public async Task Search_MarkupInTextAndTitle_IsShownAsTextWithOnlyOurMark()
    {
        var page = await GetAsync("/search?q=harbour");

        var item = page.One("ol.results li");
        Assert.Equal("Markup <b>test</b>", item.QuerySelector("a.title")!.TextContent);
        var snippet = item.QuerySelector(".snippet")!;
        Assert.Empty(snippet.QuerySelectorAll("img"));
        Assert.Equal(["MARK"], snippet.Children.Select(c => c.TagName));
        Assert.Contains("<img src=x onerror=alert(1)>", snippet.TextContent);
        Assert.DoesNotContain("<img src=x", page.Html);
    }

    [Fact]
    public async Task Search_ScriptInTitle_IsEncoded()
    {
        var page = await GetAsync("/search?q=headline");
        Assert.Contains("Headline <script>alert(1)</script> & more", page.One("ol.results a.title").TextContent);
        Assert.DoesNotContain("<script>alert(1)", page.Html);
    }

    [Fact]
    public async Task Search_Pages_LinkToEachOther()
    {
        var first = await GetAsync("/search?q=volcano&sort=newest");
        Assert.Equal(20, first.Document.QuerySelectorAll("ol.results li").Length);
        Assert.Contains("45 articles found · page 1 of 3", HtmlPage.Collapse(first.Text("section p.meta")));
        var next = first.One("a[rel=next]").GetAttribute("href")!;
        Assert.Matches(@"^/search\?q=volcano&sort=newest&page=2&upto=[0-9]+$", next);

        var third = await GetAsync("/search?q=volcano&sort=newest&page=3");
        Assert.Equal(5, third.Document.QuerySelectorAll("ol.results li").Length);
        Assert.Equal("Volcano update 44", third.Document.QuerySelectorAll("ol.results a.title").Last().TextContent);
        Assert.Null(third.Document.QuerySelector("a[rel=next]"));
        Assert.Matches(@"^/search\?q=volcano&sort=newest&page=2&upto=[0-9]+$", third.One("a[rel=prev]").GetAttribute("href"));
    }

    [Fact]
    public async Task Search_Filters_ByLanguageSourceCategoryAndDate()
    {
        Assert.Contains("0 articles found", (await GetAsync("/search?q=volcano&lang=eu")).Html);
        Assert.Contains("45 articles found", (await GetAsync($"/search?q=volcano&source={site.Seed.Diario.Slug}")).Html);
        Assert.Contains("0 articles found", (await GetAsync($"/search?q=volcano&source={site.Seed.Berria.Slug}")).Html);
        Assert.Contains("45 articles found", (await GetAsync("/search?q=volcano&category=news-politics")).Html);
        Assert.Contains("0 articles found", (await GetAsync("/search?q=volcano&category=Sports")).Html);
        Assert.Contains("0 articles found", (await GetAsync("/search?q=volcano&from=2026-11-30")).Html);
        Assert.Contains("45 articles found", (await GetAsync("/search?q=volcano&from=2026-11-29&to=2026-11-29")).Html);
        var bad = await GetAsync("/search?q=volcano&from=yesterday");
        Assert.Equal(200, bad.Status);
        Assert.Contains("is not a date like 2026-11-29", bad.Text(".notice"));
        Assert.Contains("45 articles found", bad.Html);
    }

    public static TheoryData<string> OddInputs => new()
    {
        "", "%22", "%22%22", "AND", "OR", "NOT", "NEAR(a b)", "*", "(((", ")", "-", "-budget", "title_en:budget",
        "%F0%9F%8E%89", "%D8%A7%D9%84%D9%85%D9%8A%D8%B2%D8%A7%D9%86%D9%8A%D8%A9", "%00", "%FF%FE", "%3Cscript%3Ealert(1)%3C/script%3E",
        "budget%22%20OR%20%22x", "'%3B%20DROP%20TABLE%20articles%3B--", new string('a', 10_000), string.Concat(Enumerable.Repeat("budget+", 1_500)),
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public async Task Search_OddInput_GivesResultsOrAClearMessage(string q)
    {
        var page = await GetAsync($"/search?q={q}&page=2&sort=sideways");

        Assert.Equal(200, page.Status);
        var status = page.Document.QuerySelector("[role=status]")?.TextContent ?? page.Document.QuerySelector("section p.meta")?.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(status));
        Assert.DoesNotContain("<script>alert", page.Html);

        using var json = await site.Server.Client.GetAsync($"/search.json?q={q}", Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        var root = document.RootElement;
        Assert.True(root.GetProperty("message").ValueKind == JsonValueKind.String || root.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task SearchJson_GivesResultsWithEncodedHighlightedSnippets()
    {
        var text = await site.Server.Client.GetStringAsync("/search.json?q=harbour+report", Ct);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("message").ValueKind);
        var hit = root.GetProperty("results")[0];
        Assert.Equal(site.Markup, hit.GetProperty("id").GetInt64());
        Assert.Equal("Readers saw <img src=x onerror=alert(1)> in the harbour report", hit.GetProperty("snippet").GetString());
        Assert.Equal("Readers saw &lt;img src=x onerror=alert(1)&gt; in the <mark>harbour</mark> <mark>report</mark>",
            hit.GetProperty("snippetHtml").GetString());
        Assert.Equal("en", hit.GetProperty("snippetLanguage").GetString());
    }

    [Fact]
    public async Task SearchJson_EmptyQuery_SaysWhatToDo()
    {
        using var document = JsonDocument.Parse(await site.Server.Client.GetStringAsync("/search.json?q=", Ct));
        Assert.Equal("Type one or more words to search for.", document.RootElement.GetProperty("message").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task SearchJson_NextLinkFollowsThePages()
    {
        using var first = JsonDocument.Parse(await site.Server.Client.GetStringAsync("/search.json?q=volcano", Ct));
        Assert.Equal(3, first.RootElement.GetProperty("pages").GetInt32());
        var next = first.RootElement.GetProperty("next").GetString()!;
        Assert.Matches(@"^/search\.json\?q=volcano&page=2&upto=[0-9]+$", next);
        using var second = JsonDocument.Parse(await site.Server.Client.GetStringAsync(next, Ct));
        Assert.Equal(2, second.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(20, second.RootElement.GetProperty("results").GetArrayLength());
    }
}
