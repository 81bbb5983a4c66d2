using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// The stylesheet as a file of its own at a versioned address (<c>/assets/site.HASH.css</c>): a browser fetches it
/// once and keeps it for a year; a new stylesheet gets a new address.
/// </summary>
internal static class StylesheetFile
{
    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Stylesheet.Css.Value);

    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..12];

    public static string Path { get; } = $"/assets/site.{Version}.css";

    public const string Route = "/assets/site.{version}.css";

    public static IResult Show(string version, HttpContext context)
    {
        // An old address still gets the current stylesheet, but not for long.
        context.Response.Headers.CacheControl = version == Version ? "public, max-age=31536000, immutable" : "public, max-age=300";
        return Results.Bytes(Bytes, "text/css; charset=utf-8");
    }
}
