using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Rendering;

/// <summary>Headers sent with every response: no scripts, no framing, no sniffing, little referrer.</summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>No powerful feature for any page: a news site needs none of them.</summary>
    private const string Permissions =
        "accelerometer=(), camera=(), display-capture=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=(), " +
        "interest-cohort=(), browsing-topics=()";

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = Permissions;
        return next(context);
    }
}
