using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Browser;

/// <summary>
/// A page in headless Chromium that notes every console error, page error and failed request (a style the policy
/// refused, a script error), for <see cref="AssertClean"/>.
/// </summary>
internal sealed class CheckedBrowser : IAsyncDisposable
{
    private readonly List<string> _problems = [];
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private CheckedBrowser(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    /// <param name="ignoreConsole">Console errors that are expected (a page answered with a 4xx status on purpose).</param>
    public static async Task<CheckedBrowser> OpenAsync(int width, int height, Func<string, bool>? ignoreConsole = null)
    {
        HeadlessChromium.Require();
        var playwright = await Playwright.CreateAsync();
        var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var open = new CheckedBrowser(playwright, browser, await context.NewPageAsync());
        open.Page.Console += (_, message) =>
        {
            if (message.Type == "error" && ignoreConsole?.Invoke(message.Text) != true) open.Problem($"console: {message.Text}");
        };
        open.Page.PageError += (_, error) => open.Problem($"page error: {error}");
        open.Page.RequestFailed += (_, request) => open.Problem($"request failed: {request.Url}");
        return open;
    }

    private void Problem(string text)
    {
        lock (_problems) _problems.Add(text);
    }

    public void AssertClean()
    {
        lock (_problems) Assert.Empty(_problems);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
