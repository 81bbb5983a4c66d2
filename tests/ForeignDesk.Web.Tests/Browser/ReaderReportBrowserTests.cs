using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Browser;

/// <summary>
/// The "Report" link of a paragraph in headless Chromium on a phone and a desktop: it is shown, within the screen, and
/// its form, sent with no JavaScript, keeps the report. Screenshots go to artifacts/screenshots (report-*.png).
/// </summary>
public sealed class ReaderReportBrowserTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await SeededSite.StartAsync(Ct);

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1280, 900, "desktop")]
    public async Task ReportLink_IsShownBesideTheParagraph_AndItsFormKeepsTheReport(int width, int height, string name)
    {
        await using var browser = await CheckedBrowser.OpenAsync(width, height);
        // The seed's lead image lives at an outlet that does not exist, so the site has no copy of it to serve: a
        // one-pixel image stands in for the site's copy (the copies themselves are ImageProxyTests' subject).
        await browser.Page.RouteAsync("**/image/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Pixel }));
        await browser.Page.GotoAsync(new Uri(_site.Server.Address, _site.BudgetPath).AbsoluteUri);
        // Without JavaScript the form works as well: the page has none of its own.
        var link = browser.Page.Locator($"a.report-link[href='/article/{_site.Seed.Budget}/report/2']");
        Assert.True(await link.IsVisibleAsync());
        var box = (await link.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the link at {box.X}+{box.Width} is outside the {width}px screen");
        var paragraph = (await browser.Page.Locator(".body > *").Nth(ParagraphBlock(1)).BoundingBoxAsync())!;
        Assert.True(box.Y >= paragraph.Y + paragraph.Height - 2, "the link is not under its paragraph");
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder(), $"report-article-{name}.png"), FullPage = true });

        await link.ClickAsync();
        await browser.Page.WaitForURLAsync($"**/article/{_site.Seed.Budget}/report/2");
        await browser.Page.FillAsync("textarea[name=note]", $"The second paragraph reads oddly ({name}).");
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder(), $"report-form-{name}.png"), FullPage = true });
        var sent = await browser.Page.RunAndWaitForNavigationAsync(() => browser.Page.ClickAsync("form[method=post] button[type=submit]"));
        Assert.Equal(200, sent?.Status);
        Assert.Contains("Thank you", await browser.Page.TextContentAsync(".message h1"));
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the {width}px screen");

        var reports = await _site.Server.Services.GetRequiredService<ITranslationReportStore>().ReportsAsync(openOnly: true, 100, Ct);
        var report = Assert.Single(reports, r => r.ArticleId == _site.Seed.Budget);
        Assert.Equal((1, $"The second paragraph reads oddly ({name})."), (report.Paragraph, report.Message));
        Assert.Empty(await browser.Page.Context.CookiesAsync());
        browser.AssertClean();
    }

    private static readonly byte[] Pixel = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>Where paragraph <paramref name="index"/> (0-based) is among the body's children: each paragraph is followed by its link.</summary>
    private static int ParagraphBlock(int index) => index * 2;
}
