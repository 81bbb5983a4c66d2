using ForeignDesk.Web.ReadModels;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// What every article page's side column shows alike, written once for each computation of the lists
/// (<see cref="SiteLists"/>) rather than on every render: Trends 24h whole, and Latest article by article, since a page
/// leaves its own article out of Latest.
/// </summary>
internal sealed class SideBlocks
{
    public const int TrendsShown = 6;
    public const int LatestShown = 8;

    private readonly IReadOnlyList<TrustedHtml> _trends;
    private readonly IReadOnlyList<(long Id, TrustedHtml Item)> _latest;

    public SideBlocks(SiteLists lists)
    {
        _trends = lists.Trending.Take(TrendsShown).Select(ArticleList.Item).ToList();
        // One more than shown, for the page whose own article is among them.
        _latest = lists.Latest.Take(LatestShown + 1).Select(a => (a.Id, ArticleList.Item(a))).ToList();
    }

    public void WriteTrends(HtmlBuilder page) =>
        ArticleList.Section(page, "trends", "Trends 24h", _trends, "Nothing has been read in the last 24 hours.");

    /// <param name="shownArticle">The article of the page, left out.</param>
    public void WriteLatest(HtmlBuilder page, long shownArticle) =>
        ArticleList.Section(page, "latest", "Latest", _latest.Where(l => l.Id != shownArticle).Take(LatestShown).Select(l => l.Item).ToList(),
            "No other articles yet.");
}
