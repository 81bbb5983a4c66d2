using System.Net.Http.Json;
using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary>
/// One seeded site (<see cref="NewsSeed"/>) for the API tests of a class, with the budget and the debate placed in one
/// story and a rate limit high enough never to be reached.
/// </summary>
public sealed class ApiSiteFixture : IAsyncLifetime
{
    private SiteServer? server;
    private NewsSeed? seed;

    public SiteServer Server => server ?? throw new InvalidOperationException("not started");

    public NewsSeed Seed => seed ?? throw new InvalidOperationException("not seeded");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        server = await SiteServer.StartAsync(ct, settings: new Dictionary<string, string?> { ["Api:RequestsPerWindow"] = "1000000" });
        seed = await NewsSeed.WriteAsync(server.Store, SiteServer.Now, "https://img.example/a.jpg", ct);
        var stories = (IStoryStore)server.Store;
        foreach (var id in new[] { seed.Debate, seed.Budget })
            await stories.SavePlacementAsync(new StoryPlacement(id, seed.Debate, (await server.Store.GetArticleAsync(id, ct))!.PublishedUtc, null, "{}"), ct);
    }

    /// <summary>GETs an API address and reads its JSON (a problem's too).</summary>
    public async Task<(int Status, JsonElement Json, HttpResponseMessage Response)> GetAsync(string path, CancellationToken ct)
    {
        var response = await Server.Client.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var json = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        return ((int)response.StatusCode, json, response);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
