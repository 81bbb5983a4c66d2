using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>
/// The seeded newsroom (<see cref="SeededSite"/>) with the Basque outlet's stored policy set to summary only, and the
/// budget and the debate placed in one story.
/// </summary>
public sealed class FeedSiteFixture : IAsyncLifetime
{
    public const string SummaryOnlySource = "berria-proba";

    private SeededSite? site;

    internal SeededSite Site => site ?? throw new InvalidOperationException("not started");

    public SiteServer Server => Site.Server;

    public NewsSeed Seed => Site.Seed;

    public string Absolute(string path) => new Uri(Server.Address, path).AbsoluteUri;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        site = await SeededSite.StartAsync(ct);
        var basque = (await Server.Store.GetSourceAsync(SummaryOnlySource, ct))!;
        await ((ISourceControlStore)Server.Store).EditSourceAsync(basque.Id,
            new SourceEdit(basque.Name, basque.Language, basque.Category, basque.TimeZone, SourcePolicy.Summary), ct);
        var stories = (IStoryStore)Server.Store;
        foreach (var id in new[] { Seed.Debate, Seed.Budget })
            await stories.SavePlacementAsync(new StoryPlacement(id, Seed.Debate, (await Server.Store.GetArticleAsync(id, ct))!.PublishedUtc, null, "{}"), ct);
    }

    /// <summary>A feed or file that must exist, and its media type.</summary>
    public async Task<(string Body, string ContentType)> GetAsync(string path)
    {
        using var response = await Server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType!.MediaType!);
    }

    public async ValueTask DisposeAsync()
    {
        if (site is not null) await site.DisposeAsync();
    }
}
