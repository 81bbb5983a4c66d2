using ForeignDesk.Core;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Sources;

/// <summary><c>/admin/sources</c>: every source with its state and health, and the form that adds one from any URL.</summary>
internal static class SourceList
{
    public const string Path = "/admin/sources";

    public static string PathOf(string slug) => Path + "/" + Uri.EscapeDataString(slug);

    public static async Task<IResult> ShowAsync(HttpContext context, AdminShell shell, IArticleStore store, ISourceEndpointStore endpoints,
        ISourceControlStore controls, EndpointHealthRules health)
    {
        var ct = context.RequestAborted;
        var page = shell.Begin(context, "Sources");
        page.Html.Add($"<h2>Add a source</h2>\n<p>Any address of the outlet: a feed, a sitemap, a section page or its home page. ForeignDesk finds its feeds and shows the first articles, extracted and translated, before anything is saved.</p>\n");
        page.Form(SourceAddition.PreviewPath, "stacked");
        page.Html.Add($"<label>Address <input name=\"url\" type=\"url\" required placeholder=\"https://outlet.example/\"></label>\n<button type=\"submit\">Find its feeds</button>\n</form>\n");

        var all = await store.ListSourcesAsync(ct);
        var held = await controls.SourceControlsAsync(ct);
        page.Html.Add($"<h2>Followed ({all.Count})</h2>\n<div class=\"table-wrap\"><table class=\"cards\"><thead><tr><th>Source</th><th>Languages</th><th>Category</th><th>Policy</th><th>State</th><th>Endpoints</th></tr></thead><tbody>\n");
        foreach (var source in all)
        {
            var control = held.GetValueOrDefault(source.Id) ?? new SourceControls(source.Id, false, SourcePolicy.Full);
            var list = await endpoints.EndpointsAsync(source.Id, ct);
            var failing = list.Count(health.IsFailing);
            page.Html.Add($"""
                <tr><td data-label="Source"><a href="{PathOf(source.Slug)}">{source.Name}</a></td><td data-label="Languages">{source.Language ?? "auto"}</td>
                <td data-label="Category">{source.Category}</td><td data-label="Policy">{control.Policy.ToString().ToLowerInvariant()}</td>
                <td data-label="State">{(control.Policy == SourcePolicy.Withdrawn ? "withdrawn (pages answer 410)" : !control.Paused ? "followed" : list.Count == 0 ? "removed (articles kept)" : "paused")}</td><td data-label="Endpoints">{list.Count}{(failing > 0 ? $", {failing} failing" : "")}</td></tr>

                """);
        }
        page.Html.Add($"</tbody></table></div>\n");
        return AdminShell.Finish(page);
    }
}
