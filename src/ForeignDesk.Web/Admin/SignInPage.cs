using ForeignDesk.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Admin;

/// <summary><c>/admin/sign-in</c>: the operator's name and password; too many wrong passwords lock the account.</summary>
internal static class SignInPage
{
    public static async Task<IResult> ShowAsync(HttpContext context, AdminShell shell, IOperatorStore store, string? @return)
    {
        if (await OperatorSession.AuthenticateAsync(context, store) is not null) return Results.Redirect(AdminPaths.Return(@return));
        return Form(context, shell, @return, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SubmitAsync(HttpContext context, AdminShell shell, OperatorAccounts accounts, IOptions<AdminOptions> options)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var back = form["return"].ToString();
        var (result, account) = await accounts.SignInAsync(name, password, context.RequestAborted);
        switch (result)
        {
            case SignInResult.SignedIn:
                await context.SignInAsync(OperatorSession.Scheme, OperatorSession.Principal(account!));
                return Results.Redirect(AdminPaths.Return(back), preserveMethod: false);
            case SignInResult.LockedOut:
                var minutes = (int)Math.Ceiling(options.Value.LockoutDuration.TotalMinutes);
                return Form(context, shell, back,
                    $"Too many wrong passwords: this account is locked for {minutes} minute{(minutes == 1 ? "" : "s")}. Try again later.",
                    StatusCodes.Status429TooManyRequests, (int)Math.Ceiling(options.Value.LockoutDuration.TotalSeconds));
            default:
                return Form(context, shell, back, "Wrong name or password.", StatusCodes.Status401Unauthorized);
        }
    }

    private static IResult Form(HttpContext context, AdminShell shell, string? back, string? message, int statusCode, int? retryAfter = null)
    {
        var page = shell.Begin(context, "Sign in");
        if (message is not null) page.Html.Add($"<p class=\"message\" role=\"alert\">{message}</p>\n");
        page.Form(AdminPaths.SignIn, "stacked");
        page.Html.Add($"""
            <input type="hidden" name="return" value="{AdminPaths.Return(back)}">
            <label>Name <input name="name" autocomplete="username" required maxlength="{OperatorNames.MaxLength}"></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>
            <p>The first operator is added on the server: <code>./foreigndesk admin add NAME</code>.</p>
            """);
        return AdminShell.Finish(page, statusCode, retryAfter);
    }
}
