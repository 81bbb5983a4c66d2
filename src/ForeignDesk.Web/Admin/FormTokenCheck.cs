using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary>Refuses (400) every form post of the admin area that lacks a valid anti-forgery token of this operator.</summary>
internal sealed class FormTokenCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return await next(context);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return AdminShell.Refusal(StatusCodes.Status400BadRequest, "This form cannot be accepted",
                "The form did not come from this site, or it has expired. Open the page again and resend it.");
        return await next(context);
    }
}
