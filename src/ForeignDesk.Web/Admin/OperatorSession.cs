using System.Security.Claims;
using ForeignDesk.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary>
/// An operator's session: an encrypted cookie (ASP.NET Core cookie authentication) scoped to <c>/admin</c>, holding the
/// operator's name and session stamp. A session whose stamp is no longer the account's (after a sign-out, or once the
/// account is gone) is refused.
/// </summary>
internal static class OperatorSession
{
    public const string Scheme = "ForeignDesk.Admin";
    public const string CookieName = "fd_admin";
    private const string StampClaim = "fd:stamp";

    public static ClaimsPrincipal Principal(OperatorAccount account) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(StampClaim, account.SessionStamp)], Scheme));

    /// <summary>The signed-in operator of this request, with <c>HttpContext.User</c> set to them; null when there is none.</summary>
    public static async Task<OperatorAccount?> AuthenticateAsync(HttpContext context, IOperatorStore store)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal.Identity?.Name is not { } name) return null;
        var account = await store.FindOperatorAsync(name, context.RequestAborted);
        if (account is null || result.Principal.FindFirstValue(StampClaim) != account.SessionStamp) return null;
        context.User = result.Principal;
        return account;
    }
}
