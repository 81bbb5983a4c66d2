using System.Net.Http.Headers;
using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary><c>/api/v1/articles</c> and <c>/api/v1/articles/{id}</c> over a real site and SQLite file.</summary>
public sealed class ArticlesApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task List_NoFilters_EveryArticleNewestFirst()
    {
        var (status, json, response) = await site.GetAsync("/api/v1/articles", Ct);

        Assert.Equal(200, status);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var seed = site.Seed;
        Assert.Equal([seed.Basque, seed.Budget, seed.Debate, seed.Script], Ids(json));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("nextCursor").ValueKind);
        var budget = json.GetProperty("items")[1];
        Assert.Equal("Government approves the budget", budget.GetProperty("title").GetString());
        Assert.Equal("es", budget.GetProperty("language").GetString());
        Assert.True(budget.GetProperty("translated").GetBoolean());
        Assert.Equal("El Diario de Prueba", budget.GetProperty("source").GetString());
        Assert.Equal($"/article/{seed.Budget}/government-approves-the-budget", budget.GetProperty("url").GetString());
        Assert.Equal($"/api/v1/articles/{seed.Budget}", budget.GetProperty("apiUrl").GetString());
        Assert.False(json.GetProperty("items")[0].GetProperty("translated").GetBoolean());
    }

    [Theory]
    [InlineData("?lang=eu", "Basque")]
    [InlineData("?lang=ES", "Budget,Debate,Script")]
    [InlineData("?source=berria-proba", "Basque")]
    [InlineData("?category=news-politics", "Budget,Debate,Script")]
    [InlineData("?category=News/World", "Basque")]
    [InlineData("?source=el-diario-de-prueba&lang=eu", "")]
    [InlineData("?from=2026-11-29", "Basque,Budget,Debate")]
    [InlineData("?to=2026-11-28", "Script")]
    [InlineData("?from=2026-11-29&to=2026-11-29&lang=es&category=news-politics", "Budget,Debate")]
    public async Task List_Filters_ShowOnlyMatchingArticles(string query, string expected)
    {
        var (status, json, _) = await site.GetAsync("/api/v1/articles" + query, Ct);

        Assert.Equal(200, status);
        var names = new Dictionary<long, string>
        {
            [site.Seed.Basque] = "Basque", [site.Seed.Budget] = "Budget", [site.Seed.Debate] = "Debate", [site.Seed.Script] = "Script",
        };
        Assert.Equal(expected, string.Join(',', Ids(json).Select(id => names[id])));
    }

    [Fact]
    public async Task List_Cursors_WalkEveryArticleOnce()
    {
        var seen = new List<long>();
        var (_, page, _) = await site.GetAsync("/api/v1/articles?lang=es&limit=1", Ct);
        seen.AddRange(Ids(page));
        while (page.GetProperty("next").GetString() is { } next)
        {
            Assert.StartsWith("/api/v1/articles?lang=es&limit=1&cursor=", next);
            (_, page, _) = await site.GetAsync(next, Ct);
            seen.AddRange(Ids(page));
        }

        Assert.Equal([site.Seed.Budget, site.Seed.Debate, site.Seed.Script], seen);
    }

    [Fact]
    public async Task List_ArticleArrivesBetweenPages_NextPageUnchanged()
    {
        // A new article goes to the top of the list; the pages after the first stay as they were.
        await using var own = await SeededSite.StartAsync(Ct);
        var client = own.Server.Client;
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/articles?limit=2", Ct)).RootElement;
        var next = first.GetProperty("next").GetString()!;
        var before = await client.GetStringAsync(next, Ct);

        await NewsSeed.SaveAsync(own.Server.Store, own.Seed.Diario, "https://diario.example/politica/nuevo",
            NewsSeed.Article("Nuevo", null, null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null),
            SiteServer.Now.AddMinutes(-1), estimated: false, SiteServer.Now, Ct);
        var after = await client.GetStringAsync(next, Ct);

        Assert.Equal(before, after);
        Assert.Equal([own.Seed.Debate, own.Seed.Script], Ids(JsonDocument.Parse(after).RootElement));
    }

    [Theory]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?lang=spanish", "lang")]
    [InlineData("?lang=es&lang=de", "lang")]
    [InlineData("?from=29-11-2026", "from")]
    [InlineData("?from=2026-11-29&to=2026-11-01", "to")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?source=no-such-outlet", "source")]
    [InlineData("?category=no-such-category", "category")]
    public async Task List_BadParameter_400ProblemNamingIt(string query, string parameter)
    {
        var (status, json, response) = await site.GetAsync("/api/v1/articles" + query, Ct);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _), json.ToString());
    }

    [Fact]
    public async Task List_CursorOfOtherFilters_400()
    {
        var (_, page, _) = await site.GetAsync("/api/v1/articles?lang=es&limit=1", Ct);
        var cursor = page.GetProperty("nextCursor").GetString()!;

        var (status, json, _) = await site.GetAsync($"/api/v1/articles?lang=eu&limit=1&cursor={cursor}", Ct);
        var (sameStatus, _, _) = await site.GetAsync($"/api/v1/articles?lang=es&limit=1&cursor={cursor}", Ct);

        Assert.Equal(400, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("cursor", out _));
        Assert.Equal(200, sameStatus);
    }

    [Fact]
    public async Task Show_TranslatedArticle_TranslationOriginalAndProvenance()
    {
        var (status, json, _) = await site.GetAsync($"/api/v1/articles/{site.Seed.Budget}", Ct);

        Assert.Equal(200, status);
        Assert.Equal("translated", json.GetProperty("state").GetString());
        var translation = json.GetProperty("translation");
        Assert.Equal("Government approves the budget", translation.GetProperty("title").GetString());
        Assert.Equal("The Government <strong>approved</strong> the budget yesterday.", translation.GetProperty("paragraphs")[0].GetProperty("html").GetString());
        Assert.Equal("apertium", translation.GetProperty("engine").GetString());
        var original = json.GetProperty("original");
        Assert.Equal("El Gobierno aprueba el presupuesto", original.GetProperty("title").GetString());
        Assert.Equal("María López", original.GetProperty("byline").GetString());
        Assert.Equal("ul", original.GetProperty("paragraphs")[3].GetProperty("kind").GetString());
        // The site's own copy of the outlet's image (Images/ImageProxy), never the outlet's address.
        Assert.Matches(@"^/image/\d+/0/[0-9a-f]{16}/16$", original.GetProperty("image").GetProperty("url").GetString());
        var provenance = json.GetProperty("provenance");
        Assert.Equal("https://diario.example/politica/presupuesto", provenance.GetProperty("originalUrl").GetString());
        Assert.Equal("el-diario-de-prueba", provenance.GetProperty("sourceSlug").GetString());
        Assert.Equal("es→en", provenance.GetProperty("route").GetString());
        Assert.Equal(SiteServer.Now, provenance.GetProperty("translatedUtc").GetDateTimeOffset());
        Assert.False(provenance.GetProperty("publishedEstimated").GetBoolean());
        Assert.Equal(site.Seed.Debate, json.GetProperty("storyId").GetInt64());
    }

    [Fact]
    public async Task Show_ArticleAwaitingEngine_NoTranslationEstimatedTime()
    {
        var (status, json, _) = await site.GetAsync($"/api/v1/articles/{site.Seed.Basque}", Ct);

        Assert.Equal(200, status);
        Assert.Equal("awaitingEngine", json.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("translation").ValueKind);
        Assert.Equal("Gobernuak aurrekontua onartu du", json.GetProperty("title").GetString());
        Assert.True(json.GetProperty("provenance").GetProperty("publishedEstimated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("provenance").GetProperty("engine").ValueKind);
    }

    [Fact]
    public async Task Show_Missing_404Problem_UnknownApiAddress_404Problem()
    {
        var (status, json, response) = await site.GetAsync("/api/v1/articles/987654", Ct);
        var (otherStatus, other, otherResponse) = await site.GetAsync("/api/v1/articles/not-a-number", Ct);

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("987654", json.GetProperty("detail").GetString());
        Assert.Equal(404, otherStatus);
        Assert.Equal("application/problem+json", otherResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, other.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Show_IfNoneMatchWithItsETag_304()
    {
        using var first = await site.Server.Client.GetAsync($"/api/v1/articles/{site.Seed.Debate}", Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{site.Seed.Debate}");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await site.Server.Client.SendAsync(request, Ct);
        using var otherRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{site.Seed.Debate}");
        otherRequest.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        using var other = await site.Server.Client.SendAsync(otherRequest, Ct);

        Assert.Equal(304, (int)again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(200, (int)other.StatusCode);
        Assert.Equal(etag, other.Headers.ETag);
    }
}
