using ForeignDesk.Core;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// The lists that many pages show, computed in the background (<see cref="SiteListsRefresher"/>) and read ready-made:
/// Latest (as articles and as story lines), Trends 24h and the categories.
/// </summary>
/// <param name="LatestStories">Null when the store keeps no stories.</param>
internal sealed record SiteLists(
    IReadOnlyList<ArticleSummary> Latest,
    IReadOnlyList<StoryLine>? LatestStories,
    IReadOnlyList<ArticleSummary> Trending,
    IReadOnlyList<string> Categories,
    DateTimeOffset ComputedUtc)
{
    public const int LatestCount = 30;
    public const int TrendingCount = 10;

    private Rendering.SideBlocks? _sideBlocks;

    /// <summary>The article pages' side blocks drawn from these lists, written at their first use.</summary>
    public Rendering.SideBlocks SideBlocks => _sideBlocks ??= new Rendering.SideBlocks(this);
}
