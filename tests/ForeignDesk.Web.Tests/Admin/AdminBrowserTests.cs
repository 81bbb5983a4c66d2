using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>
/// The admin area in headless Chromium, as an operator uses it. Screenshots go to artifacts/screenshots (admin-*.png).
/// </summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AdminSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AdminSite.StartAsync(Ct);

    public ValueTask DisposeAsync() => _site.DisposeAsync();

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

        await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Contains("/admin/sign-in", browser.Page.Url);
        await browser.GoAsync("/admin");
        Assert.Contains("/admin/sign-in", browser.Page.Url);
        browser.AssertClean();
    }
}
