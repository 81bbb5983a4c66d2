using ForeignDesk.Web.Tests.Browser;
using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary>The API's reference page in the system's headless Chromium: it renders the document with no other host.</summary>
public sealed class ApiReferenceTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    [Fact]
    public async Task ReferencePage_ShowsEveryOperation_AskingNoOtherHost()
    {
        HeadlessChromium.Require();
        var ct = TestContext.Current.CancellationToken;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (problems) problems.Add($"page error: {error}"); };
        // Anything asked of another host is refused and noted: the page must work without it.
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Authority == site.Server.Address.Authority) await route.ContinueAsync();
            else
            {
                lock (elsewhere) elsewhere.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });

        var response = await page.GotoAsync(new Uri(site.Server.Address, "/api/reference").AbsoluteUri, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response?.Status);
        foreach (var summary in new[] { "Articles, newest first", "One article: its translation", "Full-text search", "The outlets followed", "Trends 24h" })
            await page.GetByText(summary).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder(), "api-reference.png") });
        ct.ThrowIfCancellationRequested();

        lock (elsewhere) Assert.Empty(elsewhere);
        lock (problems) Assert.Empty(problems);
    }
}
