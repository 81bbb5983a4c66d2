using System.Text;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary>What the admin pages add to the site's stylesheet: forms, tables of settings, inline buttons.</summary>
internal static class AdminStylesheet
{
    private static readonly byte[] Css = Encoding.UTF8.GetBytes("""
        .admin form.stacked{display:grid;gap:.6rem;max-width:36rem;margin:1rem 0}
        .admin label{display:grid;gap:.15rem;font-size:.95rem}
        .admin input,.admin select,.admin textarea{font:inherit;padding:.3rem .45rem;border:1px solid var(--line);border-radius:.25rem;background:var(--paper);color:var(--ink)}
        .admin textarea{min-height:6rem}
        .admin form.stacked button{justify-self:start}
        .admin button,.masthead button{font:inherit;padding:.3rem .8rem;border:1px solid var(--line);border-radius:.25rem;background:var(--tint);color:var(--ink);cursor:pointer}
        form.inline{display:inline}
        .operator{color:var(--muted);font-size:.9rem}
        .admin .message{padding:.5rem .75rem;border:1px solid var(--warn-line);background:var(--warn);border-radius:.25rem}
        .admin .done{padding:.5rem .75rem;border:1px solid var(--line);background:var(--tint);border-radius:.25rem}
        .admin td,.admin th{vertical-align:top}
        """);

    public static IResult Show(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(Css, "text/css; charset=utf-8");
    }
}
