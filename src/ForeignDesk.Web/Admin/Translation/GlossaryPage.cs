using ForeignDesk.Ingest.Translate;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>
/// <c>/admin/glossary</c>: the glossary's entries (terms kept as they are or always rendered one way, per language and
/// optionally per source) to add, edit and remove; each change translates again the articles it touches.
/// </summary>
internal static class GlossaryPage
{
    public const string Path = "/admin/glossary";

    public static IResult Show(HttpContext context, AdminShell shell, TranslationStack stack, GlossaryRetranslation retranslation)
    {
        var page = shell.Begin(context, "Glossary");
        if (stack.Glossary is not { } glossary)
        {
            page.Html.Add($"<p class=\"message\">No glossary file is configured (Translate:Units:GlossaryFile).</p>\n");
            return AdminShell.Finish(page);
        }
        if (retranslation.LastOutcome is { } outcome) page.Html.Add($"<p class=\"done\" role=\"status\">Last change: {outcome}.</p>\n");

        page.Html.Add($"<h2>Add an entry</h2>\n");
        page.Form(Path + "/add", "stacked");
        Fields(page, new GlossaryEntry("", ""), "");
        page.Html.Add($"<button type=\"submit\">Add</button>\n</form>\n");

        var entries = glossary.Entries();
        page.Html.Add($"<h2>Entries ({entries.Count})</h2>\n");
        var number = 0;
        foreach (var entry in entries)
        {
            number++;
            page.Html.Add($"<section class=\"glossary-entry\"><h3>{entry.Language} · {entry.Term} → {entry.Rendering ?? "(kept as it is)"}{(entry.Source is null ? "" : " · " + entry.Source)}</h3>\n");
            page.Form(Path + "/edit", "stacked");
            Key(page, entry);
            Fields(page, entry, $" {number}");
            page.Html.Add($"<button type=\"submit\">Save entry {number}</button>\n</form>\n");
            page.Form(Path + "/remove", "inline");
            Key(page, entry);
            page.Html.Add($"<button type=\"submit\">Remove entry {number}</button></form>\n</section>\n");
        }
        return AdminShell.Finish(page);
    }

    private static void Key(AdminPage page, GlossaryEntry entry) => page.Html.Add($"""
        <input type="hidden" name="old_language" value="{entry.Language}"><input type="hidden" name="old_term" value="{entry.Term}"><input type="hidden" name="old_source" value="{entry.Source ?? ""}">

        """);

    private static void Fields(AdminPage page, GlossaryEntry entry, string suffix) => page.Html.Add($"""
        <label>Language{suffix} <input name="language" value="{entry.Language}" required maxlength="3" placeholder="es"></label>
        <label>Term{suffix} <input name="term" value="{entry.Term}" required maxlength="200"></label>
        <label><span>Rendering{suffix} (empty: keep the term as it is)</span> <input name="rendering" value="{entry.Rendering ?? ""}" maxlength="200"></label>
        <label><span>Source{suffix} (a source's slug; empty: every source)</span> <input name="source" value="{entry.Source ?? ""}" maxlength="100"></label>

        """);
}
