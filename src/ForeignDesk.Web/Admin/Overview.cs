using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary><c>/admin</c>: what the operator can look after.</summary>
internal static class Overview
{
    public static IResult Show(HttpContext context, AdminShell shell)
    {
        var page = shell.Begin(context, "Overview");
        page.Html.Add($"""
            <ul class="admin-areas">
            <li><a href="/admin/sources">Sources</a>: add an outlet by any URL, edit, pause, resume, remove or withdraw it; each endpoint's health</li>
            <li><a href="/admin/glossary">Glossary</a>: terms kept as they are or always rendered one way; changes re-translate what they touch</li>
            <li><a href="/admin/corrections">Corrections</a>: paragraphs corrected by the editor</li>
            <li><a href="/admin/reports">Readers' reports</a> of translation problems</li>
            <li><a href="/admin/engines">Engines</a>: each engine's use, failures and daily budget</li>
            </ul>
            """);
        return AdminShell.Finish(page);
    }
}
