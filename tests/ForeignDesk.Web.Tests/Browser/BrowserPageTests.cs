using ForeignDesk.Web.Tests.Pages;
using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Browser;

/// <summary>Loads pages in the system's headless Chromium: no console errors, no page errors, nothing wider than a phone.</summary>
public sealed class BrowserPageTests(NewsSiteFixture site) : IClassFixture<NewsSiteFixture>
{
    public static TheoryData<string, int, int> Viewports => new()
    {
        { "phone", 390, 844 },
        { "desktop", 1280, 900 },
    };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task HomeAndArticle_LoadCleanly(string device, int width, int height)
    {
        HeadlessChromium.Require();
        var ct = TestContext.Current.CancellationToken;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (problems) problems.Add($"page error: {error}"); };
        page.RequestFailed += (_, request) => { lock (problems) problems.Add($"request failed: {request.Url}"); };

        var article = $"/article/{site.Seed.Budget}/government-approves-the-budget";
        foreach (var (name, path) in new[] { ("home", "/"), ("article", article), ("awaiting", $"/article/{site.Seed.Basque}/gobernuak-aurrekontua-onartu-du"), ("status", "/status") })
        {
            ct.ThrowIfCancellationRequested();
            var response = await page.GotoAsync(new Uri(site.Server.Address, path).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response?.Status);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow}px wider than the {device} viewport");
            await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder(), $"{name}-{device}.png"), FullPage = true });
        }

        var imageLoaded = await page.GotoAsync(new Uri(site.Server.Address, article).AbsoluteUri) is not null
            && await page.EvaluateAsync<bool>("() => { const i = document.querySelector('figure img'); return i.complete && i.naturalWidth > 0; }");
        Assert.True(imageLoaded, "the lead image did not load");
        Assert.Empty(await context.CookiesAsync());
        lock (problems) Assert.Empty(problems);
    }
}
