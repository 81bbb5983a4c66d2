using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Rendering;

/// <summary>Headers sent with every response: no scripts, no framing, no sniffing, little referrer.</summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'none'; img-src 'self' https: http:; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    }
}
