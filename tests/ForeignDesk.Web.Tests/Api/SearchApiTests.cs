using System.Text.Json;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary><c>/api/v1/search</c> over a real site and SQLite file.</summary>
public sealed class SearchApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("article").GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task Search_EnglishWord_HitsWithMarkedSnippets()
    {
        var (status, json, _) = await site.GetAsync("/api/v1/search?q=budget&sort=newest", Ct);

        Assert.Equal(200, status);
        Assert.Equal("budget", json.GetProperty("query").GetString());
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal([site.Seed.Budget, site.Seed.Debate], Ids(json));
        var hit = json.GetProperty("items")[0];
        Assert.Equal("en", hit.GetProperty("snippetLanguage").GetString());
        Assert.Contains("<mark>", hit.GetProperty("snippetHtml").GetString());
        Assert.DoesNotContain("<mark>", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Search_Cursor_NextPageThenEnd()
    {
        var (_, first, _) = await site.GetAsync("/api/v1/search?q=budget&sort=newest&limit=1", Ct);
        var (status, second, _) = await site.GetAsync(first.GetProperty("next").GetString()!, Ct);

        Assert.Equal([site.Seed.Budget], Ids(first));
        Assert.Equal(200, status);
        Assert.Equal([site.Seed.Debate], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("?q=budget&sort=oldest", "sort")]
    [InlineData("?q=budget&lang=xx1", "lang")]
    [InlineData("?q=budget&cursor=AAAA", "cursor")]
    [InlineData("?q=-budget", "q")]
    public async Task Search_BadParameter_400ProblemNamingIt(string query, string parameter)
    {
        var (status, json, response) = await site.GetAsync("/api/v1/search" + query, Ct);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _), json.ToString());
    }

    [Fact]
    public async Task Search_CursorOfAnotherSearch_400()
    {
        var (_, first, _) = await site.GetAsync("/api/v1/search?q=budget&limit=1", Ct);
        var cursor = first.GetProperty("nextCursor").GetString()!;

        var (status, _, _) = await site.GetAsync($"/api/v1/search?q=parliament&limit=1&cursor={cursor}", Ct);

        Assert.Equal(400, status);
    }
}
