using System.Net;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary>
/// The admin area answers only over HTTPS (directly, or through a trusted proxy's <c>X-Forwarded-Proto</c>) or to a
/// browser on this machine: a password or a session cookie never crosses a network in clear text.
/// </summary>
internal sealed class SecureConnectionGate : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.IsHttps || http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
            return await next(context);
        return AdminShell.Refusal(StatusCodes.Status403Forbidden, "HTTPS only",
            "The admin area is served over HTTPS only (or to a browser on the server itself).");
    }
}
