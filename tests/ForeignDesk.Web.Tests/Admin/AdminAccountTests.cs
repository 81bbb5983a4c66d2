using System.Net;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>Signing in to /admin: the right password opens it; wrong passwords, forged forms and strangers are refused.</summary>
public sealed class AdminAccountTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private AdminSite _site = null!;

    public async ValueTask InitializeAsync() =>
        _site = await AdminSite.StartAsync(Ct, new Dictionary<string, string?> { ["ForeignDesk:Admin:LockoutAfterFailures"] = "3" }, _clock);

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_OpensTheAdminArea_WithSecureHttpOnlyStrictCookiesForAdminOnly()
    {
        using var client = _site.Client();
        var response = await client.SignInAsync(AdminSite.Operator, AdminSite.Password, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var session = Assert.Single(client.SetCookies, c => c.StartsWith("fd_admin=", StringComparison.Ordinal));
        foreach (var cookie in client.SetCookies)
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(AdminSite.Password, session);

        var overview = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Signed in as editor", client.LastPage);
        Assert.Equal("no-store", overview.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task PlainHttp_FromAnotherMachine_IsRefused_FromThisMachine_Served()
    {
        using var remote = _site.Client(new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9", ["X-Forwarded-Proto"] = "http" });
        Assert.Equal(HttpStatusCode.Forbidden, (await remote.GetAsync("/admin/sign-in", Ct)).StatusCode);
        Assert.Contains("HTTPS only", remote.LastPage);
        Assert.Empty(remote.SetCookies);

        using var remoteOverTls = _site.Client(new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9", ["X-Forwarded-Proto"] = "https" });
        Assert.Equal(HttpStatusCode.OK, (await remoteOverTls.GetAsync("/admin/sign-in", Ct)).StatusCode);

        using var local = _site.Client(new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, (await local.SignInAsync(AdminSite.Operator, AdminSite.Password, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefused_AndGivesNoSession()
    {
        using var client = _site.Client();
        var response = await client.SignInAsync(AdminSite.Operator, "not the password at all", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong name or password.", client.LastPage);
        Assert.DoesNotContain("fd_admin", client.Cookies.Keys);

        var unknown = await client.SignInAsync("nobody", AdminSite.Password, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutFormToken_IsRefused_EvenWithTheRightPassword()
    {
        using var client = _site.Client();
        await client.GetAsync("/admin/sign-in", Ct);
        var response = await client.PostAsync("/admin/sign-in", [new("name", AdminSite.Operator), new("password", AdminSite.Password)], Ct, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("fd_admin", client.Cookies.Keys);

        // A token made for another browser (its form cookie) does not fit this one's.
        using var other = _site.Client();
        await other.GetAsync("/admin/sign-in", Ct);
        var foreign = await client.PostAsync("/admin/sign-in", [new("name", AdminSite.Operator), new("password", AdminSite.Password)], Ct, other.Token());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.DoesNotContain("fd_admin", client.Cookies.Keys);
    }

    [Fact]
    public async Task SignedInForm_WithoutToken_IsRefused()
    {
        using var client = await _site.SignedInAsync(Ct);
        var response = await client.PostAsync("/admin/sign-out", [], Ct, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task AdminArea_WithoutSession_SendsPagesToSignIn_AndRefusesPosts()
    {
        using var client = _site.Client();
        var page = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/sign-in?return=%2Fadmin", page.Headers.Location?.OriginalString);

        await client.GetAsync("/admin/sign-in", Ct);
        var post = await client.PostAsync("/admin/sign-out", [], Ct, client.Token());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // A made-up session cookie is no session.
        client.Set("fd_admin", "CfDJ8forged");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterRepeatedWrongPasswords_LocksTheAccount_UntilTheLockoutEnds()
    {
        using var client = _site.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(AdminSite.Operator, "wrong password one", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(AdminSite.Operator, "wrong password two", Ct)).StatusCode);
        var third = await client.SignInAsync(AdminSite.Operator, "wrong password three", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("locked", client.LastPage);

        // Locked: the right password is refused too, and gives no session.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignInAsync(AdminSite.Operator, AdminSite.Password, Ct)).StatusCode);
        Assert.DoesNotContain("fd_admin", client.Cookies.Keys);

        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(AdminSite.Operator, AdminSite.Password, Ct)).StatusCode);
        Assert.Contains("fd_admin", client.Cookies.Keys);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheOldCookieNoLongerOpensAnything()
    {
        using var client = await _site.SignedInAsync(Ct);
        var stolen = client.Cookies["fd_admin"];
        await client.GetAsync("/admin", Ct);
        var signOut = await client.PostAsync("/admin/sign-out", [], Ct, client.Token());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain("fd_admin", client.Cookies.Keys);

        client.Set("fd_admin", stolen);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task PublicPages_SetNoCookies_AndAreUnchangedBySigningIn()
    {
        using var reader = _site.Client();
        var before = await reader.GetAsync("/about", Ct);
        var beforeBody = reader.LastPage;
        using var client = await _site.SignedInAsync(Ct);
        var after = await reader.GetAsync("/about", Ct);
        Assert.False(before.Headers.Contains("Set-Cookie"));
        Assert.False(after.Headers.Contains("Set-Cookie"));
        Assert.Equal(beforeBody, reader.LastPage);
        Assert.DoesNotContain("/admin", reader.LastPage);
    }
}
