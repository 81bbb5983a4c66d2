using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary><c>/api/v1/stories</c> and one story over a real site and SQLite file.</summary>
public sealed class StoriesApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_OneLinePerStory()
    {
        var (status, json, _) = await site.GetAsync("/api/v1/stories", Ct);

        Assert.Equal(200, status);
        var story = json.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("storyId").ValueKind == JsonValueKind.Number);
        Assert.Equal(site.Seed.Debate, story.GetProperty("storyId").GetInt64());
        Assert.Equal(2, story.GetProperty("articleCount").GetInt32());
        Assert.Equal(site.Seed.Budget, story.GetProperty("lead").GetProperty("id").GetInt64());
        Assert.Equal($"/api/v1/stories/{site.Seed.Debate}", story.GetProperty("apiUrl").GetString());
    }

    [Fact]
    public async Task Show_ArticlesInTimeOrder_PagedByCursor()
    {
        var (status, first, _) = await site.GetAsync($"/api/v1/stories/{site.Seed.Debate}?limit=1", Ct);
        var (_, second, _) = await site.GetAsync(first.GetProperty("next").GetString()!, Ct);

        Assert.Equal(200, status);
        Assert.Equal(2, first.GetProperty("articleCount").GetInt32());
        Assert.Equal(["es"], first.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(site.Seed.Debate, first.GetProperty("articles")[0].GetProperty("article").GetProperty("id").GetInt64());
        Assert.Equal(site.Seed.Budget, second.GetProperty("articles")[0].GetProperty("article").GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Show_MissingStory_404_BadCursor_400()
    {
        var (missing, _, _) = await site.GetAsync("/api/v1/stories/987654", Ct);
        var (bad, json, _) = await site.GetAsync($"/api/v1/stories/{site.Seed.Debate}?cursor=xyz", Ct);

        Assert.Equal(404, missing);
        Assert.Equal(400, bad);
        Assert.True(json.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task Show_MergedStory_RedirectsPermanentlyToSurvivor()
    {
        await using var own = await SeededSite.StartAsync(Ct);
        var stories = (IStoryStore)own.Server.Store;
        foreach (var id in new[] { own.Seed.Debate, own.Seed.Budget })
            await stories.SavePlacementAsync(new StoryPlacement(id, id, (await own.Server.Store.GetArticleAsync(id, Ct))!.PublishedUtc, null, "{}"), Ct);
        await stories.MergeStoriesAsync(new StoryMerge(own.Seed.Debate, [own.Seed.Budget], SiteServer.Now, []), Ct);
        using var client = CatchingUpHandler.Client(own.Server.Services, own.Server.Address, allowAutoRedirect: false);

        using var response = await client.GetAsync($"/api/v1/stories/{own.Seed.Budget}", Ct);

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal($"/api/v1/stories/{own.Seed.Debate}", response.Headers.Location!.OriginalString);
    }
}
