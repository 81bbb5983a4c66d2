using ForeignDesk.Web.Tests.Browser;
using Microsoft.Playwright;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>Headless Chromium on the admin area of one site.</summary>
internal sealed class AdminBrowser(CheckedBrowser browser, Uri site) : IAsyncDisposable
{
    public IPage Page => browser.Page;

    /// <summary>Opens Chromium; the console errors of pages answered 4xx on purpose (a wrong password) are expected.</summary>
    public static async Task<AdminBrowser> OpenAsync(Uri site) =>
        new(await CheckedBrowser.OpenAsync(1280, 900, text => text.Contains("status of 40", StringComparison.Ordinal)), site);

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(new Uri(site, path).AbsoluteUri);

    public async Task SignInAsync(string name, string password)
    {
        await GoAsync("/admin");
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder(), name), FullPage = true });

    public void AssertClean() => browser.AssertClean();

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
