using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate.Engines;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary><c>/admin/engines</c>: each engine's use and failures today and yesterday (counted in the store), and what is left of its daily budget.</summary>
internal static class EnginesPage
{
    public static async Task<IResult> ShowAsync(HttpContext context, AdminShell shell, EngineCatalog catalog, IEngineUsageStore usage, TimeProvider time)
    {
        var ct = context.RequestAborted;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var page = shell.Begin(context, "Engines");
        page.Html.Add($"<h2>Configured</h2>\n<div class=\"table-wrap\"><table class=\"cards\"><thead><tr><th>Engine</th><th>Kind</th><th>Where</th><th>Daily budget left</th><th>Problem</th></tr></thead><tbody>\n");
        foreach (var name in catalog.EngineNames)
        {
            var engine = catalog.Describe(name);
            var left = engine.CharactersLeftToday is { } chars ? chars.ToString("N0", CultureInfo.InvariantCulture) + " characters" : "no limit";
            page.Html.Add($"<tr><td data-label=\"Engine\">{engine.Name}</td><td data-label=\"Kind\">{engine.Type.ToString()}</td><td data-label=\"Where\">{engine.Endpoint}</td><td data-label=\"Daily budget left\">{left}</td><td data-label=\"Problem\">{engine.Problem ?? "—"}</td></tr>\n");
        }
        page.Html.Add($"</tbody></table></div>\n");

        foreach (var (day, heading) in new[] { (today, "Today (UTC)"), (today.AddDays(-1), "Yesterday") })
        {
            page.Html.Add($"<h2>{heading}</h2>\n");
            var used = await usage.EngineUsageAsync(day, ct);
            if (used.Count == 0)
            {
                page.Html.Add($"<p class=\"meta\">No request reached an engine.</p>\n");
                continue;
            }
            page.Html.Add($"<div class=\"table-wrap\"><table class=\"cards engine-usage\"><thead><tr><th>Engine</th><th>Requests</th><th>Characters</th><th>Failures</th><th>Last error</th></tr></thead><tbody>\n");
            foreach (var row in used)
                page.Html.Add($"<tr><td data-label=\"Engine\">{row.Engine}</td><td data-label=\"Requests\">{row.Requests.ToString("N0", CultureInfo.InvariantCulture)}</td><td data-label=\"Characters\">{row.Characters.ToString("N0", CultureInfo.InvariantCulture)}</td><td data-label=\"Failures\">{row.Failures.ToString("N0", CultureInfo.InvariantCulture)}</td><td data-label=\"Last error\" class=\"error-cell\">{(row.LastError is null ? "—" : $"{Stamps.Utc(row.LastErrorUtc!.Value)}: {row.LastError}")}</td></tr>\n");
            page.Html.Add($"</tbody></table></div>\n");
        }
        return AdminShell.Finish(page);
    }
}
