using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>A tiny vector icon, so that browsers find one.</summary>
internal static class Favicon
{
    private const string Svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b57d0\"/>" +
        "<path d=\"M9 8h14v4H14v3h8v4h-8v6H9z\" fill=\"#fff\"/></svg>";

    public static IResult Show(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(Svg, "image/svg+xml");
    }
}
