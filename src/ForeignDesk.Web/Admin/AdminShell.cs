using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Admin;

/// <summary>The frame around every admin page: head, the area's navigation and the sign-out button.</summary>
internal sealed class AdminShell(IAntiforgery antiforgery, IOptions<SiteOptions> site)
{
    /// <summary>Starts a page; its forms carry this request's anti-forgery token (and the browser gets its cookie).</summary>
    public AdminPage Begin(HttpContext context, string title)
    {
        var page = new AdminPage(antiforgery.GetAndStoreTokens(context).RequestToken);
        Head(page.Html, $"{title} · {site.Value.Name} admin");
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            page.Html.Add($"""
                <header class="masthead"><div class="wrap">
                <a class="brand" href="{AdminPaths.Root}">{site.Value.Name} admin</a>
                <nav aria-label="Admin"><a href="{AdminPaths.Root}">Overview</a> <a href="/admin/sources">Sources</a> <a href="/admin/glossary">Glossary</a> <a href="/admin/corrections">Corrections</a> <a href="/admin/reports">Reports</a> <a href="/admin/engines">Engines</a> <a href="/">The site</a></nav>
                <span class="operator">Signed in as {name}</span>
                """);
            page.Button(AdminPaths.SignOut, "Sign out");
            page.Html.Add($"</div></header>\n");
        }
        page.Html.Add($"<main class=\"wrap admin\">\n<h1>{title}</h1>\n");
        return page;
    }

    public static IResult Finish(AdminPage page, int statusCode = StatusCodes.Status200OK, int? retryAfterSeconds = null)
    {
        page.Html.Add($"\n</main>\n</body>\n</html>\n");
        return new AdminResult(page.Html.ToString(), statusCode, retryAfterSeconds);
    }

    /// <summary>A page that refuses a request: a heading, a line, and a link to the sign-in page.</summary>
    public static IResult Refusal(int statusCode, string title, string text)
    {
        var html = new HtmlBuilder();
        Head(html, title);
        html.Add($"<main class=\"wrap admin\"><h1>{title}</h1><p>{text}</p><p><a href=\"{AdminPaths.Root}\">Admin</a></p></main>\n</body>\n</html>\n");
        return new AdminResult(html.ToString(), statusCode);
    }

    private static void Head(HtmlBuilder html, string title) => html.Add($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{title}</title>
        <link rel="stylesheet" href="{StylesheetFile.Path}">
        <link rel="stylesheet" href="{AdminPaths.Stylesheet}">
        </head>
        <body>

        """);
}
