using Microsoft.AspNetCore.Builder;
using Scalar.AspNetCore;

namespace ForeignDesk.Web.Api;

/// <summary>
/// The API's reference page at <see cref="Path"/>: Scalar, reading <c>/openapi.json</c>, with its script served by the
/// site itself, no web fonts, telemetry, AI chat or developer toolbar, so that it needs no other host.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api/reference";

    /// <summary>The page runs Scalar's script and its inline start-up, and styles itself inline; everything from this site.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path)) context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
        app.MapScalarApiReference(Path, options => options
            .WithTitle("ForeignDesk API")
            .WithOpenApiRoutePattern(ApiExtensions.DocumentPath)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
    }
}
