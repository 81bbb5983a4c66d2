using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Pages;

/// <summary>The plain 500 page written when a page fails (for example, the store is down). It never shows the exception.</summary>
internal static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        // The exception handler middleware has already logged the exception.
        var shell = context.RequestServices.GetRequiredService<SiteShell>();
        var result = shell.Message(context.Request, StatusCodes.Status500InternalServerError, "Something went wrong",
            "This page could not be shown just now. Please try again in a few minutes.");
        await result.ExecuteAsync(context);
    }
}
