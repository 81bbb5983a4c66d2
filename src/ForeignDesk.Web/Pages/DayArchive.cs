using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>The articles of one day, by the outlets' local dates, newest first, 50 to a page.</summary>
internal static class DayArchive
{
    /// <summary>The days an archive can exist for: from 1990 to a year after today.</summary>
    public static readonly DateOnly FirstDay = new(1990, 1, 1);

    public static async Task<IResult> ShowAsync(
        string date, HttpRequest request, SiteShell shell, IArticleStore store, TimeProvider time, SourcePolicies policies, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFound.Page(request, shell);
        var lastDay = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(1);
        if (day < FirstDay || day > lastDay) return NotFound.Page(request, shell);
        if (!Pager.TryRead(request, out var cursor)) return BadRequest.PageLink(request, shell);

        PageCache.Tag(request.HttpContext, PageTags.Day(day));
        var articles = await store.OnDateAsync(day, cursor, Pager.PageSize, cancellationToken);
        var title = $"All news articles on {Stamps.Date(day)}";
        var path = Paths.Day(day);
        var page = shell.Begin(request, new PageMeta(title, $"Articles published on {Stamps.Date(day)}, machine-translated into English.", path));
        page.Add($"<h1>{title}</h1>\n");
        page.Add($"<nav class=\"pager\" aria-label=\"Days\"><span>");
        if (day > FirstDay) page.Add($"<a href=\"{Paths.Day(day.AddDays(-1))}\">← {Stamps.Date(day.AddDays(-1))}</a>");
        page.Add($"</span><span>");
        if (day < lastDay) page.Add($"<a href=\"{Paths.Day(day.AddDays(1))}\">{Stamps.Date(day.AddDays(1))} →</a>");
        page.Add($"</span></nav>\n");
        ArticleList.Write(page, await policies.TeasersAsync(request.HttpContext, articles.Items, cancellationToken), withTeaser: true, "No articles on this day.");
        Pager.Write(page, path, articles.Newer, articles.Older, "Newer", "Older");
        return shell.Finish(page);
    }
}
