using ForeignDesk.Core;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>
/// The admin area in headless Chromium, as an operator uses it. Screenshots go to artifacts/screenshots (admin-*.png).
/// </summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OutletServer _outlet = null!;
    private AdminSite _site = null!;

    public async ValueTask InitializeAsync() => (_outlet, _site) = await AdminOutlet.StartWithSiteAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _outlet.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_WrongThenRightPassword_OpensTheOverview_SignOutCloses()
    {
        await using var browser = await AdminBrowser.OpenAsync(_site.Address);
        await browser.SignInAsync(AdminSite.Operator, "a wrong password here");
        Assert.Contains("Wrong name or password.", await browser.Page.ContentAsync());

        await browser.SignInAsync(AdminSite.Operator, AdminSite.Password);
        Assert.EndsWith("/admin", browser.Page.Url);
        Assert.Contains("Signed in as editor", await browser.Page.ContentAsync());
        var cookies = await browser.Page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "fd_admin");
        Assert.True(session.HttpOnly);
        Assert.Equal("/admin", session.Path);
        await browser.ScreenshotAsync("admin-overview.png");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Contains("/admin/sign-in", browser.Page.Url);
        await browser.GoAsync("/admin");
        Assert.Contains("/admin/sign-in", browser.Page.Url);
        browser.AssertClean();
    }

    [Fact]
    public async Task AddSource_FromAHomePageUrl_PreviewsTranslatedArticles_ThenSaves()
    {
        await using var browser = await AdminBrowser.OpenAsync(_site.Address);
        await browser.SignInAsync(AdminSite.Operator, AdminSite.Password);
        await browser.GoAsync("/admin/sources");
        await browser.Page.GetByLabel("Address").FillAsync(_outlet.BaseUrl.AbsoluteUri);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Find its feeds" }).ClickAsync();

        Assert.Contains("feed: " + _outlet.Url("es/rss.xml").AbsoluteUri, await browser.Page.InnerTextAsync("ul.found"));
        var titles = await browser.Page.Locator("article.preview h3").AllInnerTextsAsync();
        Assert.Contains("The Government approves a plan of house for the youngsters", titles);
        await browser.ScreenshotAsync("admin-source-preview.png");

        await browser.Page.GetByLabel("Name").FillAsync(OutletPages.SpanishOutlet);
        await browser.Page.GetByLabel("Time zone").FillAsync("Europe/Madrid");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save this source" }).ClickAsync();

        Assert.Contains("Saved: the pipeline polls it from now on.", await browser.Page.InnerTextAsync("main"));
        var source = Assert.Single(await _site.Services.GetRequiredService<IArticleStore>().ListSourcesAsync(Ct));
        Assert.Equal((OutletPages.SpanishOutlet, "es", "Europe/Madrid"), (source.Name, source.Language, source.TimeZone));
        browser.AssertClean();
    }

    [Fact]
    public async Task Glossary_AddThenEdit_AndCorrectAParagraph_ReachTheArticlePage()
    {
        await AdminOutlet.FollowAsync(_site, _outlet, Ct);
        var housing = (await _site.Services.GetRequiredService<IArticleStore>().FindByUrlAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct))!;
        var worker = _site.Services.GetRequiredService<ForeignDesk.Ingest.Jobs.JobRunner>();
        await using var browser = await AdminBrowser.OpenAsync(_site.Address);
        await browser.SignInAsync(AdminSite.Operator, AdminSite.Password);

        await browser.GoAsync("/admin/glossary");
        await browser.Page.GetByLabel("Language", new() { Exact = true }).FillAsync("es");
        await browser.Page.GetByLabel("Term", new() { Exact = true }).FillAsync("Gobierno");
        await browser.Page.GetByLabel("Rendering (empty: keep the term as it is)", new() { Exact = true }).FillAsync("Executive");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await worker.RunUntilIdleAsync(Ct);
        await browser.Page.GetByLabel("Rendering 1 (empty: keep the term as it is)").FillAsync("Cabinet");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save entry 1" }).ClickAsync();
        await worker.RunUntilIdleAsync(Ct);
        await browser.GoAsync("/admin/glossary");
        Assert.Contains("es · Gobierno → Cabinet", await browser.Page.InnerTextAsync("main"));
        await browser.ScreenshotAsync("admin-glossary.png");

        await browser.GoAsync("/admin/corrections");
        await browser.Page.GetByLabel("Article to correct").FillAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await browser.Page.GetByLabel("English of paragraph 2").FillAsync("According to the national newspaper, the plan will cost three billion euros.");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save paragraph 2" }).ClickAsync();
        Assert.Contains("Paragraph 2 saved.", await browser.Page.InnerTextAsync("main"));
        await browser.ScreenshotAsync("admin-correction.png");

        await ForeignDesk.Web.Caching.SiteCatchUp.RunAsync(_site.Services, Ct);
        await browser.GoAsync($"/article/{housing.Id}/{Slug.From(housing.DisplayTitle)}");
        var story = await browser.Page.InnerTextAsync("article.story");
        Assert.StartsWith("The Cabinet approves", await browser.Page.InnerTextAsync("article.story h1"));
        Assert.Contains("According to the national newspaper, the plan will cost three billion euros.", story);
        Assert.Contains("Corrected by the editor: 1 paragraph of this translation.", story);
        browser.AssertClean();
    }
}
