using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary><c>/admin/reports</c>: readers' reports of translation problems, each leading to the paragraph to correct.</summary>
internal static class ReportsPage
{
    public const string Path = "/admin/reports";

    public static async Task<IResult> ShowAsync(HttpContext context, AdminShell shell, ITranslationReportStore reports, IArticleStore store, bool all = false)
    {
        var ct = context.RequestAborted;
        var list = await reports.ReportsAsync(openOnly: !all, 100, ct);
        var page = shell.Begin(context, "Readers' reports");
        page.Html.Add($"<p class=\"meta\">{(all ? "Every report" : "Open reports")} · <a href=\"{Path}{(all ? "" : "?all=true")}\">{(all ? "Open reports only" : "Every report")}</a></p>\n");
        if (list.Count == 0) page.Html.Add($"<p class=\"meta\">No report.</p>\n");
        foreach (var report in list)
        {
            var title = (await store.GetArticleAsync(report.ArticleId, ct))?.DisplayTitle ?? $"article {report.ArticleId}";
            var target = ArticleCorrection.PathOf(report.ArticleId) + (report.Paragraph is { } p ? $"#p{p + 1}" : "");
            page.Html.Add($"""
                <section class="report"><h2><a href="{target}">{title}</a>{(report.Paragraph is { } n ? $", paragraph {n + 1}" : "")}</h2>
                <p>{report.Message}</p>
                <p class="meta"><time datetime="{Stamps.Iso(report.AtUtc)}">{Stamps.Utc(report.AtUtc)}</time>{(report.ResolvedUtc is { } done ? " · dealt with " + Stamps.Utc(done) : "")}</p>

                """);
            if (report.ResolvedUtc is null) page.Button($"{Path}/{report.Id}/resolve", $"Mark report {report.Id} dealt with");
            page.Html.Add($"</section>\n");
        }
        return AdminShell.Finish(page);
    }

    public static async Task<IResult> ResolveAsync(long id, HttpContext context, ITranslationReportStore reports, TimeProvider time)
    {
        await reports.ResolveReportAsync(id, time.GetUtcNow(), context.RequestAborted);
        return Results.Redirect(Path);
    }
}
