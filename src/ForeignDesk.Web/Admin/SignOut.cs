using ForeignDesk.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary><c>POST /admin/sign-out</c>: ends every session of the operator (a new session stamp) and drops the cookie.</summary>
internal static class SignOut
{
    public static async Task<IResult> SubmitAsync(HttpContext context, IOperatorStore store)
    {
        if (context.User.Identity?.Name is { } name && await store.FindOperatorAsync(name, context.RequestAborted) is { } account)
            await store.SetSessionStampAsync(account.Id, OperatorPasswords.NewStamp(), context.RequestAborted);
        await context.SignOutAsync(OperatorSession.Scheme);
        return Results.Redirect(AdminPaths.SignIn);
    }
}
