using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// An article that the outlet updated says so on its page, with the time, how many paragraphs changed and a link to
/// its changes; the changes page lists each version newest first with a paragraph diff of its translation, and the
/// earlier versions whole. An editor's correction is a version too; an article that never changed says so.
/// </summary>
public sealed class ArticleChangesPageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Published = new(2026, 11, 29, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);

    private SeededSite _site = null!;
    private Source _outlet = null!;
    private long _id;

    public async ValueTask InitializeAsync()
    {
        _site = await SeededSite.StartAsync(Ct);
        _outlet = await _site.Server.Store.AddSourceAsync(new SourceDraft("Stadtanzeiger Test", new Uri("https://stadtanzeiger.example/"),
            [new Uri("https://stadtanzeiger.example/rss")], "de", "News/Europe", "Europe/Berlin"), Ct);
        _id = await SaveAsync("v1", ["Der Rat tagt.", "Er beschließt den Haushalt.", "Die Opposition ist dagegen."], Published);
        await TranslateAsync(["The council meets.", "It adopts the budget.", "The opposition is against it."], Published.AddMinutes(5));
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    private async Task<long> SaveAsync(string hash, string[] paragraphs, DateTimeOffset now)
    {
        const string url = "https://stadtanzeiger.example/rat";
        var article = NewsSeed.Article("Der Rat tagt", null, null, [.. paragraphs.Select(P)], Published, null, null);
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), now);
        return (await _site.Server.Store.SaveArticleAsync(new ArticleDraft(_outlet.Id, url, "de", article, Published, false, _outlet.Category, hash, page), now, Ct)).ArticleId;
    }

    private async Task TranslateAsync(string[] paragraphs, DateTimeOffset now)
    {
        await _site.Server.Store.SaveTranslationAsync(_id, new TranslatedArticle("The council meets", null, [.. paragraphs.Select(P)], null, "apertium", "de→en", 0), now, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
    }

    private static Paragraph P(string text) => new("p", text, text);

    private async Task UpdateByTheOutletAsync()
    {
        await SaveAsync("v2", ["Der Rat tagt.", "Er beschließt den Haushalt mit 30 Stimmen.", "Die Opposition ist dagegen.", "Die Sitzung endet um 22 Uhr."], Updated);
        await TranslateAsync(["The council meets.", "It adopts the budget with 30 votes.", "The opposition is against it.", "The meeting ends at 10 p.m."], Updated.AddMinutes(2));
    }

    [Fact]
    public async Task ArticleUpdatedByTheOutlet_SaysSoWithTheTimeAndCount_AndLinksToItsChanges()
    {
        await UpdateByTheOutletAsync();

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets", Ct);
        Assert.Equal("Updated by the outlet at 2026-11-29 09:30 UTC (2 paragraphs changed) · See the changes", page.Text(".story .updated"));
        Assert.Equal($"/article/{_id}/the-council-meets?view=changes", page.One(".story .updated a").GetAttribute("href"));
    }

    [Fact]
    public async Task ArticleUpdatedByTheOutlet_NotYetTranslatedAgain_SaysTheNewTextIsBeingTranslated()
    {
        await SaveAsync("v2", ["Der Rat tagt.", "Er beschließt den Haushalt mit 30 Stimmen."], Updated);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets", Ct);
        Assert.Equal("Updated by the outlet at 2026-11-29 09:30 UTC (the new text is being translated) · See the changes", page.Text(".story .updated"));
        var changes = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?view=changes", Ct);
        Assert.Contains("being translated", changes.Text("#v2 .notice"));
    }

    [Fact]
    public async Task ChangesPage_ListsTheVersionsNewestFirst_WithAParagraphDiff_AndTheEarlierVersionWhole()
    {
        await UpdateByTheOutletAsync();

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?view=changes", Ct);
        Assert.Equal(200, page.Status);
        Assert.Equal(["v2", "v1"], page.Document.QuerySelectorAll("section.version").Select(s => s.Id));
        Assert.Equal("Updated by the outlet · since 2026-11-29 09:30 UTC", page.Text("#v2 .meta"));
        Assert.Equal("First translated · 2026-11-29 07:05 UTC to 2026-11-29 09:30 UTC", page.Text("#v1 .meta"));

        var changed = page.One("#v2 .diff-changed");
        Assert.Equal("It adopts the budget.", HtmlPage.Collapse(changed.QuerySelector("del p")!.TextContent));
        Assert.Equal("It adopts the budget with 30 votes.", HtmlPage.Collapse(changed.QuerySelector("ins p")!.TextContent));
        Assert.Equal("The meeting ends at 10 p.m.", HtmlPage.Collapse(page.One("#v2 .diff-added ins p").TextContent));
        Assert.Empty(page.Document.QuerySelectorAll("#v2 .diff-removed, #v2 .diff-same"));
        Assert.Null(page.Document.QuerySelector("#v2 details"));
        Assert.Equal(["The council meets.", "It adopts the budget.", "The opposition is against it."],
            page.Document.QuerySelectorAll("#v1 details.whole p").Select(p => p.TextContent));
    }

    [Fact]
    public async Task EditorsCorrection_IsAVersionToo()
    {
        var article = (await _site.Server.Store.GetArticleAsync(_id, Ct))!;
        var corrections = (ISegmentOverrideStore)_site.Server.Store;
        await corrections.SaveOverrideAsync(new SegmentOverride(_id, 2, SegmentOverride.HashOf(article.Original.Paragraphs[2]),
            "The opposition votes against it.", "editor", Updated), Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets", Ct);
        Assert.StartsWith("Corrected by the editor at 2026-11-29 09:30 UTC (1 paragraph changed)", page.Text(".story .updated"));
        var changes = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?view=changes", Ct);
        Assert.Equal("The opposition votes against it.", HtmlPage.Collapse(changes.One("#v2 .diff-changed ins p").TextContent));
    }

    [Fact]
    public async Task ArticleThatNeverChanged_SaysNothingOfUpdates_AndItsChangesPageSaysSo()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets", Ct);
        Assert.Null(page.Document.QuerySelector(".updated"));

        var changes = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?view=changes", Ct);
        Assert.Equal(200, changes.Status);
        Assert.Contains("has not changed since it was first shown", changes.Html);
        Assert.Equal(["v1"], changes.Document.QuerySelectorAll("section.version").Select(s => s.Id));
    }

    [Fact]
    public async Task ChangesPage_OfAWrongSlug_RedirectsToTheCanonicalChangesPage()
    {
        using var client = CatchingUpHandler.Client(_site.Server.Services, _site.Server.Address, allowAutoRedirect: false);
        using var response = await client.GetAsync($"/article/{_id}/old?view=changes", Ct);
        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal($"/article/{_id}/the-council-meets?view=changes", response.Headers.Location?.OriginalString);
    }
    [Fact]
    public async Task VersionPage_ShowsTheEarlierVersion_WithTheParagraphsTheNextVersionChangedMarked()
    {
        await UpdateByTheOutletAsync();

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?version=1", Ct);

        Assert.Equal(200, page.Status);
        Assert.Equal(["The council meets.", "It adopts the budget.", "The opposition is against it."],
            page.Document.QuerySelectorAll(".story .body p").Select(p => p.TextContent));
        Assert.Equal(["It adopts the budget."], page.Document.QuerySelectorAll(".body .changed-next p").Select(p => p.TextContent));
        Assert.Equal("Changed in version 2", page.Text(".changed-next .diff-label"));
        Assert.StartsWith("Version 1 of 2, as readers saw it from 2026-11-29 07:05 UTC to 2026-11-29 09:30 UTC.", page.Text(".story .notice"));
        Assert.Equal("noindex", page.One("meta[name=robots]").GetAttribute("content"));
        var changes = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?view=changes", Ct);
        Assert.Equal($"/article/{_id}/the-council-meets?version=1", changes.One("#v1 a[href*='version=']").GetAttribute("href"));
    }

    [Fact]
    public async Task VersionPage_OfTheCurrentVersion_LeadsToTheArticle_AndOfAWrongSlugToTheCanonicalOne()
    {
        await UpdateByTheOutletAsync();
        using var client = CatchingUpHandler.Client(_site.Server.Services, _site.Server.Address, allowAutoRedirect: false);

        using var current = await client.GetAsync($"/article/{_id}/the-council-meets?version=2", Ct);
        Assert.Equal(302, (int)current.StatusCode);
        Assert.Equal($"/article/{_id}/the-council-meets", current.Headers.Location?.OriginalString);
        using var slug = await client.GetAsync($"/article/{_id}/old?version=1", Ct);
        Assert.Equal(301, (int)slug.StatusCode);
        Assert.Equal($"/article/{_id}/the-council-meets?version=1", slug.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public async Task VersionPage_OfNoSuchVersion_Is404_SayingWhichVersionsThereAre(string number)
    {
        await UpdateByTheOutletAsync();

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?version={Uri.EscapeDataString(number)}", Ct);

        Assert.Equal(404, page.Status);
        Assert.Equal("No such version", page.Text("h1"));
        Assert.Contains($"has no version “{number}”: its versions are numbered 1 to 2, and 2 is the current one.", page.Text(".message p"));
    }

    [Fact]
    public async Task VersionPage_WithAnotherView_IsABadRequest()
    {
        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets?version=1&view=changes", Ct);
        Assert.Equal(400, page.Status);
    }

    [Fact]
    public async Task ArticleRemovedByTheOutlet_SaysSoOnItsPage_AndLeavesTheFrontPage()
    {
        var before = await HtmlPage.GetAsync(_site.Server.Client, "/", Ct);
        Assert.NotNull(before.Document.QuerySelector($"a[href='/article/{_id}/the-council-meets']"));

        await _site.Server.Store.MarkRemovedByOutletAsync(_id, Updated, Ct);
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);

        var page = await HtmlPage.GetAsync(_site.Server.Client, $"/article/{_id}/the-council-meets", Ct);
        Assert.Equal(200, page.Status);
        Assert.StartsWith("Removed by the outlet at 2026-11-29 09:30 UTC.", page.Text(".story .removed-note"));
        Assert.Equal(["The council meets.", "It adopts the budget.", "The opposition is against it."],
            page.Document.QuerySelectorAll(".story .body p").Select(p => p.TextContent));
        var after = await HtmlPage.GetAsync(_site.Server.Client, "/", Ct);
        Assert.Null(after.Document.QuerySelector($"a[href='/article/{_id}/the-council-meets']"));
    }
}
