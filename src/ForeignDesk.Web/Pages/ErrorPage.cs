using System.Data.Common;
using ForeignDesk.Web.Api;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// The plain page written when a page fails. It never shows the exception: 503 with a Retry-After when the store cannot
/// be reached (it comes back by itself), 500 for anything else.
/// </summary>
internal static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        // The exception handler middleware has already logged the exception.
        if (ApiProblems.Owns(context.Request))
        {
            await ApiProblems.WriteFailureAsync(context);
            return;
        }
        var shell = context.RequestServices.GetRequiredService<SiteShell>();
        var storeAway = context.Features.Get<IExceptionHandlerFeature>()?.Error is DbException;
        if (storeAway) context.Response.Headers.RetryAfter = "30";
        var result = storeAway
            ? shell.Message(context.Request, StatusCodes.Status503ServiceUnavailable, "The news is unavailable for a moment",
                "The site cannot reach its store of articles just now. Please try again in a minute.")
            : shell.Message(context.Request, StatusCodes.Status500InternalServerError, "Something went wrong",
                "This page could not be shown just now. Please try again in a few minutes.");
        await result.ExecuteAsync(context);
    }
}
