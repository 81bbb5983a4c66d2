using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The 404 page.</summary>
internal static class NotFound
{
    public static IResult Page(HttpRequest request, SiteShell shell) =>
        shell.Message(request, StatusCodes.Status404NotFound, "Page not found",
            "There is no page at this address. The article may never have existed here, or the link is mistyped.");
}
