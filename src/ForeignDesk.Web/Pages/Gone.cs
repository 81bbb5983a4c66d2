using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The 410 pages of a withdrawn source and of its articles.</summary>
internal static class Gone
{
    public static IResult Page(HttpRequest request, SiteShell shell, WithdrawnArticle withdrawn)
    {
        var outlet = string.IsNullOrWhiteSpace(withdrawn.SourceName) ? "its outlet" : withdrawn.SourceName;
        request.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        return shell.Message(request, StatusCodes.Status410Gone, "Article withdrawn",
            $"This article was withdrawn from this site on {Stamps.Utc(withdrawn.WithdrawnUtc)}, with every other article of {outlet}. " +
            "It will not come back here; the outlet's own site may still have it.");
    }

    public static IResult SourcePage(HttpRequest request, SiteShell shell, Source source)
    {
        request.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        return shell.Message(request, StatusCodes.Status410Gone, "Source withdrawn",
            $"{source.Name} was withdrawn from this site with every article of it. They will not come back here.");
    }
}
