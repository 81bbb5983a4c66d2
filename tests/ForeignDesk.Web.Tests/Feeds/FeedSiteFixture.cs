using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>
/// The seeded newsroom (<see cref="NewsSeed"/>) with the Basque outlet's articles carried as summaries only, and the
/// budget and the debate placed in one story.
/// </summary>
public sealed class FeedSiteFixture : IAsyncLifetime
{
    public const string SummaryOnlySource = "berria-proba";

    private SiteServer? server;
    private NewsSeed? seed;

    public SiteServer Server => server ?? throw new InvalidOperationException("not started");

    public NewsSeed Seed => seed ?? throw new InvalidOperationException("not seeded");

    public Uri Address => Server.Address;

    public string Absolute(string path) => new Uri(Server.Address, path).AbsoluteUri;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        server = await SiteServer.StartAsync(ct, settings: new Dictionary<string, string?>
        {
            ["Feeds:SummaryOnlySources:0"] = SummaryOnlySource,
        });
        seed = await NewsSeed.WriteAsync(server.Store, SiteServer.Now, "https://images.example/minister.jpg", ct);
        var stories = (IStoryStore)server.Store;
        foreach (var id in new[] { seed.Debate, seed.Budget })
            await stories.SavePlacementAsync(new StoryPlacement(id, seed.Debate, (await server.Store.GetArticleAsync(id, ct))!.PublishedUtc, null, "{}"), ct);
    }

    public async Task<(string Body, string ContentType)> GetAsync(string path)
    {
        using var response = await Server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType!.MediaType!);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
