using ForeignDesk.Core;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary>
/// Lets only a signed-in operator through: a page asked for without a session goes to the sign-in page (and back
/// after it); anything else is refused with 403.
/// </summary>
internal sealed class OperatorGate(IOperatorStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await OperatorSession.AuthenticateAsync(http, store) is not null) return await next(context);
        if (HttpMethods.IsGet(http.Request.Method))
            return Results.Redirect(AdminPaths.SignIn + "?return=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        return AdminShell.Refusal(StatusCodes.Status403Forbidden, "Sign in first", "Only a signed-in operator can do this.");
    }
}
