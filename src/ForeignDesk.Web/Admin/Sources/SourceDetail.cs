using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Sources;

/// <summary>
/// <c>/admin/sources/{slug}</c>: the source's settings to edit; pause or resume; each endpoint's health, last errors
/// and delays; the source's recent problems; remove (stop following, keep its articles) or withdraw (take everything down).
/// </summary>
internal static class SourceDetail
{
    public static async Task<IResult> ShowAsync(string slug, HttpContext context, AdminShell shell, IArticleStore store, ISourceEndpointStore endpoints,
        ISourceControlStore controls, EndpointHealthRules health, TimeProvider time)
    {
        var ct = context.RequestAborted;
        if (await store.GetSourceAsync(slug, ct) is not { } source) return Results.NotFound();
        var control = (await controls.SourceControlsAsync(ct)).GetValueOrDefault(source.Id) ?? new SourceControls(source.Id, false, SourcePolicy.Full);
        var path = SourceList.PathOf(source.Slug);
        var page = shell.Begin(context, source.Name);
        if (context.Request.Query.ContainsKey("added")) page.Html.Add($"<p class=\"done\" role=\"status\">Saved: the pipeline polls it from now on.</p>\n");
        if (context.Request.Query.ContainsKey("saved")) page.Html.Add($"<p class=\"done\" role=\"status\">Saved.</p>\n");
        page.Html.Add($"<p class=\"meta\"><a href=\"{Paths.Source(source.Slug)}\">Its page on the site</a> · {source.HomeUrl.AbsoluteUri} · {(control.Policy == SourcePolicy.Withdrawn ? "withdrawn" : control.Paused ? "paused" : "followed")}</p>\n");

        page.Form(path + "/edit", "stacked");
        SourceFields.Write(page, new SourceEdit(source.Name, source.Language, source.Category, source.TimeZone, control.Policy));
        page.Html.Add($"<button type=\"submit\">Save</button>\n</form>\n");
        if (control.Paused) page.Button(path + "/resume", "Resume");
        else page.Button(path + "/pause", "Pause");

        var now = time.GetUtcNow();
        var list = await endpoints.EndpointsAsync(source.Id, ct);
        page.Html.Add($"<h2>Endpoints</h2>\n<div class=\"table-wrap\"><table class=\"cards\"><thead><tr><th>Kind</th><th>URL</th><th>Health</th><th>Last success</th><th>Next poll</th><th>Interval</th><th>Errors in a row</th><th>Last error</th></tr></thead><tbody>\n");
        foreach (var endpoint in list)
        {
            var state = health.IsFailing(endpoint) ? "failing" : endpoint.ConsecutiveErrors > 0 ? "erroring" : endpoint.LastSuccessUtc is null ? "not polled yet" : "ok";
            page.Html.Add($"""
                <tr><td data-label="Kind">{endpoint.Kind.ToString().ToLowerInvariant()}</td><td data-label="URL" class="error-cell">{endpoint.Url.AbsoluteUri}</td>
                <td data-label="Health" class="endpoint-{state.Replace(' ', '-')}">{state}</td><td data-label="Last success">{(endpoint.LastSuccessUtc is { } last ? Ago(now - last) : "never")}</td>
                <td data-label="Next poll">{Next(endpoint.NextPollUtc, now)}</td><td data-label="Interval">{Minutes(endpoint.Interval)}</td>
                <td data-label="Errors in a row">{endpoint.ConsecutiveErrors}</td><td data-label="Last error" class="error-cell">{endpoint.LastError ?? "—"}</td></tr>

                """);
        }
        page.Html.Add($"</tbody></table></div>\n");
        if (list.Count == 0) page.Html.Add($"<p class=\"meta\">No endpoint: nothing of this source is polled.</p>\n");

        page.Html.Add($"<h2>Last errors</h2>\n");
        var problems = await controls.SourceProblemsAsync(source.Id, 10, ct);
        if (problems.Count == 0) page.Html.Add($"<p class=\"meta\">None.</p>\n");
        else
        {
            page.Html.Add($"<ul class=\"problems\">\n");
            foreach (var problem in problems)
                page.Html.Add($"<li><time datetime=\"{Stamps.Iso(problem.AtUtc)}\">{Stamps.Utc(problem.AtUtc)}</time> · {problem.Stage} · {problem.Url}: {problem.Message}</li>\n");
            page.Html.Add($"</ul>\n");
        }

        page.Html.Add($"<h2>Remove</h2>\n<p>Remove stops following the source and keeps its articles on the site. Withdraw takes the source and every article of it off the site for good.</p>\n");
        page.Button(path + "/remove", "Remove (keep its articles)");
        page.Form(path + "/withdraw", "stacked");
        page.Html.Add($"<label>To withdraw, type the source's slug ({source.Slug}) <input name=\"confirm\" autocomplete=\"off\"></label>\n<button type=\"submit\">Withdraw with every article</button>\n</form>\n");
        return AdminShell.Finish(page);
    }

    private static string Ago(TimeSpan span) => span < TimeSpan.Zero ? "just now" : Minutes(span) + " ago";

    private static string Next(DateTimeOffset? due, DateTimeOffset now) => due switch
    {
        null => "at the next pass",
        { } at when at >= now => "in " + Minutes(at - now),
        { } at => "overdue by " + Minutes(now - at),
    };

    private static string Minutes(TimeSpan span) => span.TotalHours >= 2
        ? span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h"
        : span.TotalMinutes >= 1 ? span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min" : span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
}
