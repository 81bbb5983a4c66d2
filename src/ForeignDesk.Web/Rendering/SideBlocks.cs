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

    private readonly TrustedHtml _trends;
    private readonly IReadOnlyList<(long Id, TrustedHtml Item)> _latest;

    /// <summary>Latest as most pages show it: those whose article is not among the first <see cref="LatestShown"/>.</summary>
    private readonly TrustedHtml _latestOfOthers;

    public SideBlocks(SiteLists lists)
    {
        _trends = Block(page => ArticleList.Section(page, "trends", "Trends 24h", lists.Trending.Take(TrendsShown).Select(ArticleList.Item).ToList(),
            "Nothing has been read in the last 24 hours."));
        // One more than shown, for the page whose own article is among them.
        _latest = lists.Latest.Take(LatestShown + 1).Select(a => (a.Id, ArticleList.Item(a))).ToList();
        _latestOfOthers = Block(page => WriteLatestWithout(page, shownArticle: 0));
    }

    public void WriteTrends(HtmlBuilder page) => page.Raw(_trends);

    /// <param name="shownArticle">The article of the page, left out.</param>
    public void WriteLatest(HtmlBuilder page, long shownArticle)
    {
        for (var i = 0; i < Math.Min(LatestShown, _latest.Count); i++)
            if (_latest[i].Id == shownArticle)
            {
                WriteLatestWithout(page, shownArticle);
                return;
            }
        page.Raw(_latestOfOthers);
    }

    private void WriteLatestWithout(HtmlBuilder page, long shownArticle) =>
        ArticleList.Section(page, "latest", "Latest", _latest.Where(l => l.Id != shownArticle).Take(LatestShown).Select(l => l.Item).ToList(),
            "No other articles yet.");

    private static TrustedHtml Block(Action<HtmlBuilder> write)
    {
        var html = new HtmlBuilder(capacity: 4096);
        write(html);
        return new TrustedHtml(html.ToString());
    }
}
