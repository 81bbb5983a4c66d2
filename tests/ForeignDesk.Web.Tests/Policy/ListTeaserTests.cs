using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Policy;

/// <summary>
/// Lists (home, day, category, source, language) follow the one policy rule: a headline-only source's articles show no
/// teaser, a summary source's only their own teaser (never the start of the body), a full source's as before.
/// </summary>
public sealed class ListTeaserTests : IAsyncLifetime
{
    private const string BudgetTeaser = "The Council of Ministers gives the green light to the accounts.";
    private const string BasqueTeaser = "Ministroen Kontseiluak kontuak onartu ditu.";

    private SeededSite _site = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _site = await SeededSite.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private string[] Lists => ["/", "/date/2026-11-29", Paths.Category("News/Politics"), Paths.Source(_site.Seed.Diario.Slug)];

    private async Task SetPolicyAsync(SourcePolicy policy)
    {
        var diario = _site.Seed.Diario;
        await ((ISourceControlStore)_site.Server.Store).EditSourceAsync(diario.Id,
            new SourceEdit(diario.Name, diario.Language, diario.Category, diario.TimeZone, policy), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
    }

    /// <summary>The teasers of a list page's items.</summary>
    private async Task<string[]> TeasersAsync(string path)
    {
        var page = await HtmlPage.GetAsync(_site.Plain, path, Ct);
        Assert.Equal(200, page.Status);
        return page.Document.QuerySelectorAll("ol.list > li > p").Select(p => HtmlPage.Collapse(p.TextContent)).ToArray();
    }

    [Fact]
    public async Task FullSource_ListsShowItsTeasers()
    {
        foreach (var path in Lists) Assert.Contains(BudgetTeaser, await TeasersAsync(path));
        // The article with no teaser of its own shows the start of its body.
        Assert.Contains("Text.", await TeasersAsync(Paths.Source(_site.Seed.Diario.Slug)));
    }

    [Fact]
    public async Task HeadlineOnlySource_ListsShowNoTeaserOfIt_AndOtherSourcesKeepTheirs()
    {
        foreach (var path in Lists) Assert.Contains(BudgetTeaser, await TeasersAsync(path));

        await SetPolicyAsync(SourcePolicy.Headline);

        foreach (var path in Lists) Assert.DoesNotContain(BudgetTeaser, await TeasersAsync(path));
        Assert.Empty(await TeasersAsync(Paths.Source(_site.Seed.Diario.Slug)));
        Assert.Contains(BasqueTeaser, await TeasersAsync("/date/2026-11-29"));
    }

    [Fact]
    public async Task SummarySource_ListsShowOnlyItsOwnTeaser_NeverTheStartOfTheBody()
    {
        await SetPolicyAsync(SourcePolicy.Summary);

        foreach (var path in Lists) Assert.Contains(BudgetTeaser, await TeasersAsync(path));
        Assert.DoesNotContain("Text.", await TeasersAsync(Paths.Source(_site.Seed.Diario.Slug)));
    }
}
