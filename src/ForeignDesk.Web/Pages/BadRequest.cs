using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The 400 page, for addresses whose values cannot be used (a page link that was altered, a date out of range).</summary>
internal static class BadRequest
{
    public static IResult Page(HttpRequest request, SiteShell shell, string text) =>
        shell.Message(request, StatusCodes.Status400BadRequest, "This address cannot be shown", text);

    public static IResult PageLink(HttpRequest request, SiteShell shell) =>
        Page(request, shell, "The page link in this address is not one this site made. Start again from the first page.");
}
