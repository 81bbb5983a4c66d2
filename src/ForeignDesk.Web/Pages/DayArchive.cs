using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>All articles of one day, by the outlets' local dates.</summary>
internal static class DayArchive
{
    public static async Task<IResult> ShowAsync(
        string date, HttpRequest request, SiteShell shell, IArticleStore store, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFound.Page(request, shell);

        var articles = await store.OnDateAsync(day, cancellationToken);
        var title = $"All news articles on {Stamps.Date(day)}";
        var page = shell.Begin(request, new PageMeta(title, $"{articles.Count} articles published on {Stamps.Date(day)}, machine-translated into English.", Paths.Day(day)));
        page.Add($"<h1>{title}</h1>\n");
        page.Add($"<nav class=\"pager\" aria-label=\"Days\"><a href=\"{Paths.Day(day.AddDays(-1))}\" rel=\"prev\">← {Stamps.Date(day.AddDays(-1))}</a><a href=\"{Paths.Day(day.AddDays(1))}\" rel=\"next\">{Stamps.Date(day.AddDays(1))} →</a></nav>\n");
        ArticleList.Write(page, articles, withTeaser: true, "No articles on this day.");
        return shell.Finish(page);
    }
}
